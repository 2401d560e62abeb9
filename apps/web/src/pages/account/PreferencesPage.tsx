import { Alert, Card, Stack, Switch, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { PageTitle } from '../../components/PageTitle';
import { PageLoader } from '../../components/RequireAuth';
import { api, type Preferences } from '../../lib/api';

const KEY = ['preferences'];

export function PreferencesPage() {
  const queryClient = useQueryClient();
  const { data, error, isPending } = useQuery({ queryKey: KEY, queryFn: () => api.get<Preferences>('/api/account/preferences') });

  const save = useMutation({
    mutationFn: (body: { news: boolean; surveys: boolean; previous: Preferences }) =>
      api.put<Preferences>('/api/account/preferences', { news: body.news, surveys: body.surveys }),
    onError: (err, body) => {
      setShown({ news: body.previous.news, surveys: body.previous.surveys });
      notifications.show({ color: 'red', title: 'Not saved', message: err.message });
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(KEY, saved);
      setShown({ news: saved.news, surveys: saved.surveys });
      notifications.show({ color: 'green', message: 'Your choice is saved.' });
    },
  });

  // What the switches show: the new position at once, put back if the server refuses it.
  const [shown, setShown] = useState<{ news: boolean; surveys: boolean } | null>(null);
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
            <Text size="xs" c="dimmed">
              Notice version {data.noticeVersion}. We record each choice with the time and the version of this notice.
            </Text>
          </Stack>
        </Card>
      )}
    </Stack>
  );
}
