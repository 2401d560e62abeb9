import { ActionIcon, Alert, Anchor, Badge, Button, Group, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconChevronLeft, IconChevronRight, IconRefresh, IconShieldCheck } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { PageTitle } from '../../components/PageTitle';
import { PageLoader } from '../../components/RequireAuth';
import { LabelledTd } from '../../components/StackTable';
import { api } from '../../lib/api';
import { formatDateTime } from '../../lib/format';

interface AuditEntry {
  seq: number;
  at: string;
  actorId: string;
  action: string;
  subjectUserId: string | null;
  reason: string;
  details: Record<string, unknown> | null;
}

interface AuditResponse {
  entries: AuditEntry[];
  chain: { ok: boolean; entries: number; firstBadSeq?: number };
}

interface Filters {
  actorId: string;
  subjectUserId: string;
}

const PAGE_SIZE = 50;
const count = new Intl.NumberFormat();

function auditUrl(filters: Filters, before: number | undefined): string {
  const params = new URLSearchParams({ limit: String(PAGE_SIZE) });
  if (filters.actorId) params.set('actorId', filters.actorId);
  if (filters.subjectUserId) params.set('subjectUserId', filters.subjectUserId);
  if (before !== undefined) params.set('before', String(before));
  return `/api/staff/audit?${params}`;
}

function ChainBadge({ chain }: { chain: AuditResponse['chain'] }) {
  if (chain.ok) {
    return (
      <Badge color="green" variant="filled" size="lg" leftSection={<IconShieldCheck size={16} aria-hidden />} data-testid="chain-badge">
        Chain verified ({count.format(chain.entries)} entries)
      </Badge>
    );
  }
  return (
    <Badge color="red" variant="filled" size="lg" leftSection={<IconAlertTriangle size={16} aria-hidden />} data-testid="chain-badge">
      Chain broken at entry {chain.firstBadSeq ?? '?'}
    </Badge>
  );
}

/** The DPO's view of the audit log: who looked at whose data and why, newest first (dpo, admin). */
export function AuditPage() {
  const [draft, setDraft] = useState<Filters>({ actorId: '', subjectUserId: '' });
  const [filters, setFilters] = useState<Filters>({ actorId: '', subjectUserId: '' });
  // The `before` cursor of each page opened with "Older", so "Newer" can go back.
  const [cursors, setCursors] = useState<number[]>([]);
  const before = cursors.at(-1);

  const { data, error, isPending, isFetching, refetch } = useQuery({
    queryKey: ['staff', 'audit', filters, before],
    queryFn: () => api.get<AuditResponse>(auditUrl(filters, before)),
    placeholderData: keepPreviousData,
  });

  function apply(next: Filters) {
    const clean = { actorId: next.actorId.trim(), subjectUserId: next.subjectUserId.trim() };
    setDraft(clean);
    setFilters(clean);
    setCursors([]);
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    apply(draft);
  }

  const entries = data?.entries ?? [];
  const oldestSeq = entries.at(-1)?.seq;
  const hasOlder = entries.length === PAGE_SIZE && oldestSeq !== undefined && oldestSeq > 1;
  const filtered = Boolean(filters.actorId || filters.subjectUserId);

  return (
    <Stack gap="lg">
      <PageTitle>Audit log</PageTitle>
      <Group justify="space-between" align="flex-start" gap="sm">
        <Text c="dimmed" size="sm" maw={480}>
          Every time staff looked at personal data: who, whose and why. Newest first. The hash chain is checked on every look; opening this page is logged too.
        </Text>
        {data && <ChainBadge chain={data.chain} />}
      </Group>

      <form onSubmit={submit} aria-label="Filter the audit log">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" style={{ alignItems: 'end' }}>
          <TextInput
            label="Actor (staff user id)"
            value={draft.actorId}
            onChange={(e) => setDraft({ ...draft, actorId: e.currentTarget.value })}
            maxLength={64}
          />
          <TextInput
            label="Subject (customer user id)"
            value={draft.subjectUserId}
            onChange={(e) => setDraft({ ...draft, subjectUserId: e.currentTarget.value })}
            maxLength={64}
          />
          <Group gap="xs" wrap="nowrap">
            <Button type="submit">Filter</Button>
            <Button variant="default" onClick={() => apply({ actorId: '', subjectUserId: '' })} disabled={!filtered && !draft.actorId && !draft.subjectUserId}>
              Clear
            </Button>
            <ActionIcon variant="default" size={36} onClick={() => void refetch()} loading={isFetching} aria-label="Refresh" title="Refresh">
              <IconRefresh size={16} aria-hidden />
            </ActionIcon>
          </Group>
        </SimpleGrid>
      </form>

      {isPending && <PageLoader label="Loading the audit log" />}
      {error && (
        <Alert color="red" variant="light" role="alert" title="The audit log could not be loaded">
          {error.message}
        </Alert>
      )}

      {data && data.entries.length === 0 && <Text>{filtered ? 'No entries match this filter.' : 'The audit log is empty.'}</Text>}
      {data && data.entries.length > 0 && (
        <Table className="stack-table" verticalSpacing="xs" fz="sm" data-testid="audit-table" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th className="num">#</Table.Th>
              <Table.Th>Time</Table.Th>
              <Table.Th>Actor</Table.Th>
              <Table.Th>Action</Table.Th>
              <Table.Th>Subject</Table.Th>
              <Table.Th>Reason</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.entries.map((entry) => (
              <Table.Tr key={entry.seq} data-testid="audit-entry">
                <LabelledTd label="#" className="num">
                  {entry.seq}
                </LabelledTd>
                <LabelledTd label="Time">
                  <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
                </LabelledTd>
                <LabelledTd label="Actor">
                  <Anchor
                    component="button"
                    type="button"
                    size="sm"
                    ff="monospace"
                    className="mono-break"
                    ta="left"
                    title="Show only this actor"
                    onClick={() => apply({ ...filters, actorId: entry.actorId })}
                  >
                    {entry.actorId}
                  </Anchor>
                </LabelledTd>
                <LabelledTd label="Action">
                  <Text size="sm" ff="monospace">
                    {entry.action}
                  </Text>
                  {entry.details && (
                    <Text size="xs" c="dimmed" ff="monospace" className="mono-break">
                      {JSON.stringify(entry.details)}
                    </Text>
                  )}
                </LabelledTd>
                <LabelledTd label="Subject">
                  {entry.subjectUserId ? (
                    <Anchor
                      component="button"
                      type="button"
                      size="sm"
                      ff="monospace"
                      className="mono-break"
                      ta="left"
                      title="Show only this subject"
                      onClick={() => apply({ ...filters, subjectUserId: entry.subjectUserId ?? '' })}
                    >
                      {entry.subjectUserId}
                    </Anchor>
                  ) : (
                    <Text size="sm" c="dimmed">
                      —
                    </Text>
                  )}
                </LabelledTd>
                <LabelledTd label="Reason">{entry.reason}</LabelledTd>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}

      {data && (cursors.length > 0 || hasOlder) && (
        <Group justify="space-between">
          <Button
            variant="default"
            leftSection={<IconChevronLeft size={16} aria-hidden />}
            onClick={() => setCursors((c) => c.slice(0, -1))}
            disabled={cursors.length === 0}
          >
            Newer
          </Button>
          <Button
            variant="default"
            rightSection={<IconChevronRight size={16} aria-hidden />}
            onClick={() => oldestSeq !== undefined && setCursors((c) => [...c, oldestSeq])}
            disabled={!hasOlder}
          >
            Older
          </Button>
        </Group>
      )}
    </Stack>
  );
}
