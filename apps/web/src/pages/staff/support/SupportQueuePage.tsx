import { Alert, Anchor, Badge, Button, Group, Input, SegmentedControl, Select, Stack, Table, Text } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { PageTitle } from '../../../components/PageTitle';
import { PageLoader } from '../../../components/RequireAuth';
import { LabelledTd } from '../../../components/StackTable';
import { formatDateTime } from '../../../lib/format';
import { type AssignedFilter, type QueueItem, useQueue } from '../../../lib/staff-support';
import { type RequestStatus, STAFF_STATUS_LABELS, statusColor } from '../../../lib/support';

const STATUS_FILTERS = [{ value: '', label: 'All open' }, ...Object.entries(STAFF_STATUS_LABELS).map(([value, label]) => ({ value, label }))];

function QueueTable({ items }: { items: QueueItem[] }) {
  return (
    <Table className="stack-table" striped data-testid="support-queue" aria-label="Support requests">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Request</Table.Th>
          <Table.Th>Status</Table.Th>
          <Table.Th>Team</Table.Th>
          <Table.Th>Assignee</Table.Th>
          <Table.Th>Updated</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((r) => (
          <Table.Tr key={r.id} data-testid="queue-row">
            <LabelledTd label="Request">
              <Anchor component={Link} to={`/staff/support/${r.id}`} size="sm" style={{ overflowWrap: 'anywhere' }}>
                #{r.number} {r.subject}
              </Anchor>
              <Text size="xs" c="dimmed">
                Opened {formatDateTime(r.createdAt)}
              </Text>
            </LabelledTd>
            <LabelledTd label="Status">
              <Badge variant="light" color={statusColor(r.status)} miw="max-content">
                {STAFF_STATUS_LABELS[r.status] ?? r.status}
              </Badge>
            </LabelledTd>
            <LabelledTd label="Team">{r.department.name}</LabelledTd>
            <LabelledTd label="Assignee">
              {r.assignee ? (
                <Text size="sm" className="mono-break">
                  {r.assignee.email}
                </Text>
              ) : (
                <Text size="sm" c="dimmed">
                  Nobody
                </Text>
              )}
            </LabelledTd>
            <LabelledTd label="Updated" style={{ whiteSpace: 'nowrap' }}>
              {formatDateTime(r.updatedAt)}
            </LabelledTd>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** SUP-6: the requests of the agent's departments, oldest waiting first. */
export function SupportQueuePage() {
  const [status, setStatus] = useState<RequestStatus | ''>('');
  const [assigned, setAssigned] = useState<AssignedFilter>('any');
  const queue = useQueue(status, assigned);

  return (
    <Stack gap="lg">
      <PageTitle>Support queue</PageTitle>
      <Text size="sm" c="dimmed" maw={560}>
        Requests of your teams, the longest waiting first. Opening a request is recorded in the audit log.
      </Text>
      <Group align="flex-end" gap="sm" justify="space-between">
        <Group align="flex-end" gap="sm">
          <Select
            label="Status"
            data={STATUS_FILTERS}
            value={status}
            onChange={(v) => setStatus((v ?? '') as RequestStatus | '')}
            allowDeselect={false}
            w={200}
          />
          <Stack gap={4}>
            <Input.Label id="assigned-label" component="div">
              Assigned to
            </Input.Label>
            <SegmentedControl
              aria-labelledby="assigned-label"
              value={assigned}
              onChange={(v) => setAssigned(v as AssignedFilter)}
              data={[
                { value: 'me', label: 'Me' },
                { value: 'none', label: 'Nobody' },
                { value: 'any', label: 'Anyone' },
              ]}
            />
          </Stack>
        </Group>
        <Button variant="default" size="xs" leftSection={<IconRefresh size={14} aria-hidden />} onClick={() => void queue.refetch()} loading={queue.isFetching}>
          Refresh
        </Button>
      </Group>
      {queue.isPending && <PageLoader label="Loading the queue" />}
      {queue.error && (
        <Alert color="red" variant="light" role="alert" title="The queue could not be loaded">
          {queue.error.message}
        </Alert>
      )}
      {queue.data?.length === 0 && (
        <Text size="sm" c="dimmed" data-testid="queue-empty">
          No requests match.
        </Text>
      )}
      {queue.data && queue.data.length > 0 && <QueueTable items={queue.data} />}
    </Stack>
  );
}
