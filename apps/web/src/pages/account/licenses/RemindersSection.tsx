import { Alert, Anchor, Stack, Switch, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link } from 'react-router';
import { PageLoader } from '../../../components/RequireAuth';
import { Section } from '../../../components/Section';
import { useLicenseReminders, useSetLicenseReminders } from '../../../lib/licenses';
import { shortHash } from '../../../lib/privacy';
import { ApiError } from '../../../lib/problem';

/** LIC-2: reminder emails only for those who opt in; off until switched on. */
export function RemindersSection() {
  const { data, error, isPending } = useLicenseReminders();
  const save = useSetLicenseReminders();
  // The new position shows at once and is put back if the server refuses it.
  const [shown, setShown] = useState<boolean | null>(null);
  const [restricted, setRestricted] = useState(false);

  function set(value: boolean) {
    setShown(value);
    save.mutate(value, {
      onSuccess: (saved) => {
        setShown(saved.reminders);
        notifications.show({ color: 'green', message: saved.reminders ? 'We will remind you before a license expires.' : 'Expiry reminders are off.' });
      },
      onError: (err) => {
        setShown(!value);
        if (err instanceof ApiError && err.code === 'processing-restricted') setRestricted(true);
        else notifications.show({ color: 'red', title: 'Not saved', message: err.message });
      },
    });
  }

  return (
    <Section
      id="reminders"
      title="Expiry reminders"
      description="An email before one of your licenses ends, so you can renew it in time. It is separate from automatic renewal, off until you turn it on, and you can turn it off at any time."
    >
      {isPending && <PageLoader label="Loading your reminder setting" />}
      {error && (
        <Alert color="red" variant="light" role="alert">
          {error.message}
        </Alert>
      )}
      {restricted && (
        <Alert color="yellow" variant="light" role="alert" title="Processing of your data is restricted" mb="md">
          While the restriction lasts, you can switch reminders off but not on. You can lift it on the{' '}
          <Anchor component={Link} to="/account/privacy">
            Your data and privacy
          </Anchor>{' '}
          page.
        </Alert>
      )}
      {data && (
        <Stack gap="sm">
          <Switch
            size="md"
            label="Email me before a license expires"
            checked={shown ?? data.reminders}
            onChange={(e) => set(e.currentTarget.checked)}
            disabled={save.isPending}
          />
          <Text size="xs" c="dimmed">
            Given under policy version{' '}
            <Anchor component={Link} to={`/privacy/${data.noticeVersion}`} size="xs" title={data.noticeVersion}>
              {shortHash(data.noticeVersion)}
            </Anchor>
            . We record your choice with the time and the version of the privacy policy you saw.
          </Text>
        </Stack>
      )}
    </Section>
  );
}
