import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';

export function BackToSignIn() {
  return (
    <Text size="sm" mt="lg">
      <Anchor component={Link} to="/sign-in">
        Back to sign-in
      </Anchor>
    </Text>
  );
}
