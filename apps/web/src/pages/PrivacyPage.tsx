import { Stack, Text } from '@mantine/core';
import { PageTitle } from '../components/PageTitle';

export function PrivacyPage() {
  return (
    <Stack gap="sm">
      <PageTitle>Privacy</PageTitle>
      <Text>
        This page will show Steward's privacy policy, generated from the data map: what personal data we keep, why, on what legal basis, for how long, and how
        you can exercise your rights.
      </Text>
      <Text>
        Until then, note that an account needs only an email address and a password; a phone number is optional and used only to send sign-in codes; news,
        offers and surveys need your separate opt-in; and you can delete your account at any time from your account page.
      </Text>
    </Stack>
  );
}
