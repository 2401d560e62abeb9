import { Button, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { PageTitle } from '../components/PageTitle';

export function NotFoundPage() {
  return (
    <Stack gap="sm" align="flex-start">
      <PageTitle>Page not found</PageTitle>
      <Text>There is no page at this address.</Text>
      <Button component={Link} to="/" variant="default">
        Go to the home page
      </Button>
    </Stack>
  );
}
