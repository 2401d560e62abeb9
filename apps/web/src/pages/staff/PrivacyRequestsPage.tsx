import { Alert, Anchor, Badge, Button, Card, Group, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconEye, IconFilter, IconRefresh } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { PageTitle } from '../../components/PageTitle';
import { PageLoader } from '../../components/RequireAuth';
import { LabelledTd } from '../../components/StackTable';
import { api } from '../../lib/api';
import { authClient, hasRole } from '../../lib/auth';
import { ApiError } from '../../lib/problem';
import { correctionOf, fieldLabel, formatDate, kindLabel, type QueueItem, statusLabel } from '../../lib/rights';
import { DaysLeft, statusColor } from '../account/privacy/HistorySection';
import { ExtendModal, RefuseModal } from './privacy-requests/DecisionModals';
import { DisclosureSection } from './privacy-requests/DisclosureSection';

const GROUPS = [
  { urgency: 'overdue', title: 'Overdue', color: 'red', empty: 'Nothing is overdue.' },
  { urgency: 'due-soon', title: 'Due within 7 days', color: 'orange', empty: 'Nothing is due within 7 days.' },
  { urgency: 'later', title: 'Later', color: 'gray', empty: 'Nothing else is open.' },
] as const;

export const QUEUE_KEY = ['staff', 'privacy-requests'];

export function alreadyHandled(err: unknown): boolean {
  return err instanceof ApiError && err.status === 409 && err.code === 'request-closed';
}

export function PrivacyRequestsPage() {
  const queryClient = useQueryClient();
  const { data: session } = authClient.useSession();
  const role = (session?.user as { role?: string | null } | undefined)?.role;
  const [filterInput, setFilterInput] = useState('');
  const [userId, setUserId] = useState('');
  const [extending, setExtending] = useState<QueueItem | null>(null);
  const [refusing, setRefusing] = useState<QueueItem | null>(null);
  const [completing, setCompleting] = useState<string | null>(null);

  const queue = useQuery({
    queryKey: [...QUEUE_KEY, userId],
    queryFn: () => api.get<{ requests: QueueItem[] }>(`/api/staff/privacy-requests?limit=200${userId ? `&userId=${encodeURIComponent(userId)}` : ''}`),
  });

  const refresh = () => queryClient.invalidateQueries({ queryKey: QUEUE_KEY });

  async function complete(item: QueueItem) {
    setCompleting(item.id);
    try {
      await api.post(`/api/staff/privacy-requests/${item.id}/complete`);
      notifications.show({ color: 'green', message: `${kindLabel(item.kind)} request marked done. The requester is told.` });
    } catch (err) {
      notifications.show(
        alreadyHandled(err)
          ? { color: 'yellow', title: 'Already handled', message: 'Someone else closed this request meanwhile.' }
          : { color: 'red', title: 'Not completed', message: err instanceof Error ? err.message : String(err) },
      );
    } finally {
      setCompleting(null);
      void refresh();
    }
  }

  function applyFilter(e: React.FormEvent) {
    e.preventDefault();
    setUserId(filterInput.trim());
  }

  const requests = queue.data?.requests ?? [];

  return (
    <Stack gap="lg">
      <PageTitle>Privacy requests</PageTitle>
      <Group justify="space-between" align="flex-start" gap="sm">
        <Text size="sm" c="dimmed" maw={520}>
          Open requests of data subjects, by the deadline in force. Answer within one month; an extension of up to two months needs a reason the requester is
          told.
        </Text>
        <Button variant="default" size="xs" leftSection={<IconRefresh size={14} aria-hidden />} onClick={() => void queue.refetch()} loading={queue.isFetching}>
          Refresh
        </Button>
      </Group>
      <Alert variant="light" color="blue" icon={<IconEye aria-hidden />} p="sm">
        Viewing this queue is recorded in the audit log, once for each person whose requests it shows.
      </Alert>
      <form onSubmit={applyFilter}>
        <Group align="flex-end" gap="xs">
          <TextInput
            label="Person id"
            placeholder="All people"
            value={filterInput}
            onChange={(e) => setFilterInput(e.currentTarget.value)}
            style={{ flex: '1 1 220px' }}
            maxLength={100}
          />
          <Button type="submit" variant="default" leftSection={<IconFilter size={16} aria-hidden />}>
            Filter
          </Button>
          {userId && (
            <Button
              variant="subtle"
              onClick={() => {
                setFilterInput('');
                setUserId('');
              }}
            >
              Show everyone
            </Button>
          )}
        </Group>
      </form>
      {queue.isPending && <PageLoader label="Loading the requests" />}
      {queue.error && (
        <Alert color="red" variant="light" role="alert" title="The requests could not be loaded">
          {queue.error.message}
        </Alert>
      )}
      {queue.data &&
        GROUPS.map((group) => {
          const items = requests.filter((r) => r.urgency === group.urgency);
          return (
            <Card
              key={group.urgency}
              withBorder
              padding="md"
              component="section"
              aria-labelledby={`queue-${group.urgency}`}
              data-testid={`queue-${group.urgency}`}
              style={group.urgency === 'later' ? undefined : { borderLeft: `4px solid var(--mantine-color-${group.color}-6)` }}
            >
              <Group gap="xs" mb="sm">
                <Title order={2} size="h4" id={`queue-${group.urgency}`} c={group.urgency === 'overdue' ? 'red.8' : undefined}>
                  {group.title}
                </Title>
                <Badge color={group.color} variant={items.length > 0 && group.urgency !== 'later' ? 'filled' : 'light'} aria-label={`${items.length} requests`}>
                  {items.length}
                </Badge>
              </Group>
              {items.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {group.empty}
                </Text>
              ) : (
                <Table className="stack-table" striped aria-labelledby={`queue-${group.urgency}`}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Request</Table.Th>
                      <Table.Th>Opened</Table.Th>
                      <Table.Th>Deadline</Table.Th>
                      <Table.Th className="num">Days left</Table.Th>
                      <Table.Th>Person</Table.Th>
                      <Table.Th>
                        <VisuallyHidden>Actions</VisuallyHidden>
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {items.map((r) => {
                      const correction = correctionOf(r.details);
                      return (
                        <Table.Tr key={r.id} data-testid="queue-item">
                          <LabelledTd label="Request">
                            <Group gap={6} wrap="wrap">
                              <Text size="sm" fw={600}>
                                {kindLabel(r.kind)}
                              </Text>
                              <Badge size="sm" variant="light" color={statusColor(r.status)} miw="max-content">
                                {statusLabel(r.status)}
                              </Badge>
                            </Group>
                            {correction && (
                              <Text size="xs" mt={4}>
                                <Text span fw={600} size="xs">
                                  {fieldLabel(correction.field)}:
                                </Text>{' '}
                                <Text span size="xs" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                                  {correction.text}
                                </Text>
                              </Text>
                            )}
                            {r.extendedUntil && (
                              <Text size="xs" c="dimmed" mt={4}>
                                Extended: {r.extensionReason}
                              </Text>
                            )}
                          </LabelledTd>
                          <LabelledTd label="Opened" style={{ whiteSpace: 'nowrap' }}>
                            {formatDate(r.openedAt)}
                          </LabelledTd>
                          <LabelledTd label="Deadline" style={{ whiteSpace: 'nowrap' }}>
                            {formatDate(r.deadline)}
                          </LabelledTd>
                          <LabelledTd label="Days left" className="num">
                            <DaysLeft request={r} />
                          </LabelledTd>
                          <LabelledTd label="Person">
                            <Anchor
                              component="button"
                              type="button"
                              size="xs"
                              ff="monospace"
                              className="mono-break"
                              title="Show only this person's requests"
                              style={{ textAlign: 'left' }}
                              onClick={() => {
                                setFilterInput(r.userId);
                                setUserId(r.userId);
                              }}
                            >
                              {r.userId}
                            </Anchor>
                          </LabelledTd>
                          <LabelledTd label="Actions">
                            <Group gap={4} wrap="wrap">
                              <Button size="compact-xs" variant="default" onClick={() => setExtending(r)}>
                                Extend
                              </Button>
                              <Button size="compact-xs" variant="default" color="red" onClick={() => setRefusing(r)}>
                                Refuse
                              </Button>
                              <Button size="compact-xs" color="green" loading={completing === r.id} onClick={() => void complete(r)}>
                                Complete
                              </Button>
                            </Group>
                          </LabelledTd>
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              )}
            </Card>
          );
        })}
      {hasRole(role, ['dpo']) && <DisclosureSection />}
      <ExtendModal item={extending} onClose={() => setExtending(null)} onDone={() => void refresh()} />
      <RefuseModal item={refusing} onClose={() => setRefusing(null)} onDone={() => void refresh()} />
    </Stack>
  );
}
