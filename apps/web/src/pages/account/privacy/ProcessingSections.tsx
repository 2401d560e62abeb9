import { Alert, Button, Group, List, Modal, Stack, Switch, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Section } from '../../../components/Section';
import { api } from '../../../lib/api';
import { formatDateTime } from '../../../lib/format';
import { purposeLabel } from '../../../lib/rights';

const afterChange = (queryClient: ReturnType<typeof useQueryClient>) => {
  void queryClient.invalidateQueries({ queryKey: ['rights', 'requests'] });
  void queryClient.invalidateQueries({ queryKey: ['preferences'] });
};

export function RestrictionSection() {
  const queryClient = useQueryClient();
  const key = ['rights', 'restriction'];
  // The switch moves at once; it goes back if the server refuses.
  const [shown, setShown] = useState<boolean | null>(null);
  const state = useQuery({ queryKey: key, queryFn: () => api.get<{ restricted: boolean; since: string | null }>('/api/privacy/restriction') });
  const set = useMutation({
    mutationFn: (restricted: boolean) => api.post<{ restricted: boolean; since: string | null }>('/api/privacy/restriction', { restricted }),
    onSuccess: (saved) => {
      queryClient.setQueryData(key, { restricted: saved.restricted, since: saved.since });
      afterChange(queryClient);
      notifications.show({ color: 'green', message: saved.restricted ? 'Processing of your data is now restricted.' : 'The restriction is lifted.' });
    },
    onError: (err) => notifications.show({ color: 'red', title: 'Not saved', message: err.message }),
    onSettled: () => setShown(null),
  });
  const restricted = shown ?? state.data?.restricted ?? false;

  return (
    <Section
      id="restriction"
      title="Restrict processing"
      description="For example while you dispute whether your data is correct, or need it kept for a legal claim."
    >
      <Stack gap="sm">
        <List size="sm" spacing={4}>
          <List.Item>We keep your data, and use it only to store it and for legal claims.</List.Item>
          <List.Item>News and survey emails stop.</List.Item>
          <List.Item>Your opt-ins are locked: you can switch them off, but not on, until you lift the restriction.</List.Item>
          <List.Item>You can still sign in, download your data and ask for corrections.</List.Item>
        </List>
        {state.error && (
          <Alert color="red" variant="light" role="alert">
            {state.error.message}
          </Alert>
        )}
        <Switch
          size="md"
          label="Restrict processing of my data"
          description={state.data?.restricted && state.data.since ? `Restricted since ${formatDateTime(state.data.since)}.` : undefined}
          checked={restricted}
          disabled={!state.data || set.isPending}
          onChange={(e) => {
            setShown(e.currentTarget.checked);
            set.mutate(e.currentTarget.checked);
          }}
        />
      </Stack>
    </Section>
  );
}

const OBJECTIONS = [
  {
    purpose: 'statistics',
    label: 'Object to statistics',
    description:
      'We count how the service is used, to improve it (our legitimate interest). Objecting stops it at once and withdraws your consent to statistics cookies.',
  },
  {
    purpose: 'surveys',
    label: 'Object to surveys',
    description: 'We may invite you to tell us what you think. Objecting stops survey invitations at once and withdraws your consent to them.',
  },
] as const;

export function ObjectionSection() {
  const queryClient = useQueryClient();
  const key = ['rights', 'objections'];
  const [shown, setShown] = useState<Record<string, boolean>>({});
  const state = useQuery({ queryKey: key, queryFn: () => api.get<Record<string, boolean>>('/api/privacy/objections') });
  const set = useMutation({
    mutationFn: ({ purpose, object }: { purpose: string; object: boolean }) =>
      object ? api.post('/api/privacy/objections', { purpose }) : api.delete(`/api/privacy/objections/${purpose}`),
    onSuccess: (_res, { purpose, object }) => {
      queryClient.setQueryData<Record<string, boolean>>(key, (old) => ({ ...(old ?? {}), [purpose]: object }));
      afterChange(queryClient);
      notifications.show({ color: 'green', message: object ? 'Your objection is recorded; the processing has stopped.' : 'Your objection is lifted.' });
    },
    onError: (err) => notifications.show({ color: 'red', title: 'Not saved', message: err.message }),
    onSettled: () => setShown({}),
  });

  return (
    <Section id="objection" title="Object to processing" description="Some processing does not need your consent but you may still say no to it.">
      {state.error && (
        <Alert color="red" variant="light" role="alert" mb="sm">
          {state.error.message}
        </Alert>
      )}
      <Stack gap="md">
        {OBJECTIONS.map((o) => {
          const checked = shown[o.purpose] ?? Boolean(state.data?.[o.purpose]);
          return (
            <Switch
              key={o.purpose}
              size="md"
              label={o.label}
              description={o.description}
              checked={checked}
              disabled={!state.data || set.isPending}
              onChange={(e) => {
                const object = e.currentTarget.checked;
                setShown({ [o.purpose]: object });
                set.mutate({ purpose: o.purpose, object });
              }}
            />
          );
        })}
      </Stack>
    </Section>
  );
}

export function WithdrawSection() {
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const withdraw = useMutation({
    mutationFn: () => api.post<{ withdrawn: string[]; requestId: string | null }>('/api/privacy/consents/withdraw-all'),
    onSuccess: () => {
      setConfirming(false);
      afterChange(queryClient);
    },
    onError: (err) => {
      setConfirming(false);
      notifications.show({ color: 'red', title: 'Not withdrawn', message: err.message });
    },
  });

  return (
    <Section
      id="withdraw"
      title="Withdraw all consents"
      description="Turns off at once everything you agreed to: news, surveys and optional cookies. It does not affect what we did before."
    >
      <Stack gap="sm">
        {withdraw.data && (
          <Alert color="green" variant="light" role="status" title="Done">
            {withdraw.data.withdrawn.length === 0 ? (
              'You had no consents to withdraw.'
            ) : (
              <>
                <Text size="sm" mb={4}>
                  Withdrawn:
                </Text>
                <List size="sm" data-testid="withdrawn">
                  {withdraw.data.withdrawn.map((p) => (
                    <List.Item key={p}>{purposeLabel(p)}</List.Item>
                  ))}
                </List>
              </>
            )}
          </Alert>
        )}
        <Group>
          <Button variant="default" color="red" onClick={() => setConfirming(true)}>
            Withdraw all consents
          </Button>
        </Group>
      </Stack>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title="Withdraw all consents?" centered>
        <Stack gap="md">
          <Text size="sm">News and survey emails stop, and optional cookies are switched off. You can give consent again later on the Preferences page.</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)} disabled={withdraw.isPending}>
              Cancel
            </Button>
            <Button color="red" onClick={() => withdraw.mutate()} loading={withdraw.isPending}>
              Withdraw all
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Section>
  );
}
