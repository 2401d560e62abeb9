import { Button, Stack, Text } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { AuthCard } from '../../components/AuthCard';
import { PageTitle } from '../../components/PageTitle';

export function AccountDeletedPage() {
  const location = useLocation();
  const purgeAfter = (location.state as { purgeAfter?: string | null } | null)?.purgeAfter;
  const date = purgeAfter ? new Date(purgeAfter) : null;
  return (
    <AuthCard>
      <Stack gap="sm">
        <PageTitle>Your account is deleted</PageTitle>
        <Text>You are signed out everywhere, and nobody can sign in to this account any more.</Text>
        <Text>
          Your personal data will be purged
          {date && !Number.isNaN(date.getTime()) ? (
            <>
              {' '}
              by <b>{date.toLocaleDateString(undefined, { year: 'numeric', month: 'long', day: 'numeric' })}</b>
            </>
          ) : (
            ' within 30 days'
          )}
          . We have sent a confirmation to your email address.
        </Text>
        <Button component={Link} to="/" variant="default" mt="sm">
          Go to the home page
        </Button>
      </Stack>
    </AuthCard>
  );
}
