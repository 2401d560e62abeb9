import { Alert, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Section } from '../../../components/Section';
import { authClient } from '../../../lib/auth';
import { describeUserAgent, formatDateTime } from '../../../lib/format';

interface SessionRow {
  id: string;
  token: string;
  userAgent?: string | null;
  ipAddress?: string | null;
  createdAt: string | Date;
  updatedAt?: string | Date;
  expiresAt?: string | Date;
}

const KEY = ['sessions'];

export function SessionsSection() {
  const queryClient = useQueryClient();
  const { data: current } = authClient.useSession();
  const list = useQuery({
    queryKey: KEY,
    queryFn: async () => {
      const { data, error } = await authClient.listSessions();
      if (error) throw new Error(error.message || 'Your sessions could not be loaded.');
      return (data ?? []) as SessionRow[];
    },
  });
  const [busy, setBusy] = useState<string | null>(null);
  const currentToken = current?.session.token;

  async function revoke(s: SessionRow) {
    setBusy(s.id);
    const { error } = await authClient.revokeSession({ token: s.token });
    setBusy(null);
    if (error) notifications.show({ color: 'red', message: error.message || 'That session could not be ended.' });
    else notifications.show({ message: 'Session ended.' });
    await queryClient.invalidateQueries({ queryKey: KEY });
  }

  async function revokeOthers() {
    setBusy('others');
    const { error } = await authClient.revokeOtherSessions();
    setBusy(null);
    if (error) notifications.show({ color: 'red', message: error.message || 'The other sessions could not be ended.' });
    else notifications.show({ message: 'You are signed out everywhere else.' });
    await queryClient.invalidateQueries({ queryKey: KEY });
  }

  const sessions = [...(list.data ?? [])].sort((a, b) => (a.token === currentToken ? -1 : b.token === currentToken ? 1 : 0));
  const others = sessions.filter((s) => s.token !== currentToken);

  return (
    <Section id="sessions" title="Where you are signed in" description="End a session you do not recognise; then change your password.">
      {list.error && (
        <Alert color="red" variant="light" mb="md" role="alert">
          {list.error.message}
        </Alert>
      )}
      <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Your sessions" data-testid="sessions">
        {sessions.map((s) => {
          const isCurrent = s.token === currentToken;
          return (
            <Group key={s.id} component="li" justify="space-between" wrap="nowrap" gap="sm">
              <div style={{ minWidth: 0 }}>
                <Group gap="xs">
                  <Text fw={500}>{describeUserAgent(s.userAgent)}</Text>
                  {isCurrent && (
                    <Badge size="sm" variant="light">
                      This device
                    </Badge>
                  )}
                </Group>
                <Text size="xs" c="dimmed" className="mono-break" style={{ fontFamily: 'inherit' }}>
                  Signed in {formatDateTime(s.createdAt)}
                  {s.ipAddress ? ` · ${s.ipAddress}` : ''}
                </Text>
              </div>
              {!isCurrent && (
                <Button
                  variant="subtle"
                  color="red"
                  size="compact-sm"
                  loading={busy === s.id}
                  onClick={() => void revoke(s)}
                  aria-label={`End session: ${describeUserAgent(s.userAgent)}, signed in ${formatDateTime(s.createdAt)}`}
                >
                  End
                </Button>
              )}
            </Group>
          );
        })}
      </Stack>
      {others.length > 0 && (
        <Group mt="md">
          <Button variant="default" onClick={() => void revokeOthers()} loading={busy === 'others'}>
            Sign out everywhere else
          </Button>
        </Group>
      )}
    </Section>
  );
}
