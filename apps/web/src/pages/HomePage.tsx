import { Button, Card, Group, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconDevices, IconKey, IconLifebuoy, IconShieldCheck } from '@tabler/icons-react';
import { useEffect } from 'react';
import { Link } from 'react-router';
import { authClient } from '../lib/auth';

const FEATURES = [
  { icon: IconDevices, title: 'Your devices', text: 'See the protection status of each device and fix problems from anywhere.' },
  { icon: IconKey, title: 'Your licenses', text: 'Add licenses by activation code and choose which devices use them.' },
  { icon: IconLifebuoy, title: 'Support', text: 'Ask for help and follow your requests in one place.' },
  { icon: IconShieldCheck, title: 'Your data, your call', text: 'Review, correct, download or delete your data yourself, at any time.' },
];

export function HomePage() {
  const { data: session } = authClient.useSession();
  useEffect(() => {
    document.title = 'Steward';
  }, []);
  return (
    <Stack gap="xl" py="lg">
      <Stack gap="sm">
        <Title order={1}>Your security software account, in your hands</Title>
        <Text size="lg" c="dimmed" maw={640}>
          Steward is where you manage your account, devices and licenses, get support, and decide what happens to your personal data. Signing up needs only an
          email address and a password.
        </Text>
        <Group mt="sm">
          {session ? (
            <Button component={Link} to="/account" size="md">
              Go to your account
            </Button>
          ) : (
            <>
              <Button component={Link} to="/sign-up" size="md">
                Create an account
              </Button>
              <Button component={Link} to="/sign-in" size="md" variant="default">
                Sign in
              </Button>
            </>
          )}
        </Group>
      </Stack>
      <section aria-labelledby="features-title">
        <Title order={2} id="features-title" size="h3" mb="md">
          What you can do
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          {FEATURES.map((f) => (
            <Card key={f.title} withBorder padding="lg">
              <Group wrap="nowrap" align="flex-start">
                <ThemeIcon variant="light" size="lg" aria-hidden>
                  <f.icon size={20} />
                </ThemeIcon>
                <div>
                  <Title order={3} size="h5">
                    {f.title}
                  </Title>
                  <Text size="sm" c="dimmed">
                    {f.text}
                  </Text>
                </div>
              </Group>
            </Card>
          ))}
        </SimpleGrid>
      </section>
    </Stack>
  );
}
