import { Alert, Anchor, Card, Stack, Switch, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { PageLoader } from '../../components/RequireAuth';
import { api, type Preferences } from '../../lib/api';
import { shortHash } from '../../lib/privacy';
import { ApiError } from '../../lib/problem';

const KEY = ['preferences'];

export function PreferencesPage() {
  const queryClient = useQueryClient();
  const { data, error, isPending } = useQuery({ queryKey: KEY, queryFn: () => api.get<Preferences>('/api/account/preferences') });

  const save = useMutation({
    mutationFn: (body: { news: boolean; surveys: boolean; previous: Preferences }) =>
      api.put<Preferences>('/api/account/preferences', { news: body.news, surveys: body.surveys }),
    onError: (err, body) => {
      setShown({ news: body.previous.news, surveys: body.previous.surveys });
      if (err instanceof ApiError && err.code === 'processing-restricted') setRestricted(true);
      else notifications.show({ color: 'red', title: 'Not saved', message: err.message });
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(KEY, saved);
      setShown({ news: saved.news, surveys: saved.surveys });
      notifications.show({ color: 'green', message: 'Your choice is saved.' });
    },
  });

  // What the switches show: the new position at once, put back if the server refuses it.
  const [shown, setShown] = useState<{ news: boolean; surveys: boolean } | null>(null);
  // While processing is restricted (RIGHT-6) an opt-in cannot be switched on.
  const [restricted, setRestricted] = useState(false);
  const current = shown ?? (data ? { news: data.news, surveys: data.surveys } : null);

  function set(field: 'news' | 'surveys', value: boolean) {
    if (!data || !current) return;
    const next = { ...current, [field]: value };
    setShown(next);
    save.mutate({ ...next, previous: data });
  }

  return (
    <Stack gap="lg">
      <PageTitle>Preferences</PageTitle>
      <Text>
        We use your email address, phone number and device links only to run the service. Anything else needs your permission. Each choice below is separate,
        off until you turn it on, and you can turn it off again at any time; turning it off takes effect at once.
      </Text>
      {isPending && <PageLoader label="Loading your preferences" />}
      {error && (
        <Alert color="red" variant="light" role="alert" title="Your preferences could not be loaded">
          {error.message}
        </Alert>
      )}
      {restricted && (
        <Alert color="yellow" variant="light" role="alert" title="Processing of your data is restricted">
          While the restriction lasts, you can switch these off but not on. You can lift it on the{' '}
          <Anchor component={Link} to="/account/privacy">
            Your data and privacy
          </Anchor>{' '}
          page.
        </Alert>
      )}
      {data && (
        <Card withBorder padding="lg" component="section" aria-label="Your permissions">
          <Stack gap="lg">
            <Switch
              size="md"
              label="News and offers"
              description="Emails about new products, features and special offers."
              checked={current?.news ?? false}
              onChange={(e) => set('news', e.currentTarget.checked)}
              disabled={save.isPending}
            />
            <Switch
              size="md"
              label="Surveys"
              description="Occasional invitations to tell us what you think of our products and service."
              checked={current?.surveys ?? false}
              onChange={(e) => set('surveys', e.currentTarget.checked)}
              disabled={save.isPending}
            />
            <Text size="xs" c="dimmed" data-testid="notice-version">
              Given under policy version{' '}
              <Anchor component={Link} to={`/privacy/${data.noticeVersion}`} size="xs" title={data.noticeVersion}>
                {shortHash(data.noticeVersion)}
              </Anchor>
              . We record each choice with the time and the version of the privacy policy you saw.
            </Text>
          </Stack>
        </Card>
      )}
    </Stack>
  );
}
