import { Alert, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { PageTitle } from '../../components/PageTitle';
import { PageLoader } from '../../components/RequireAuth';
import { LabelledTd } from '../../components/StackTable';
import { api } from '../../lib/api';
import { formatDateTime } from '../../lib/format';

export interface RetentionRow {
  rule: string;
  description: string;
  schedule: string | null;
  kept: string | null;
  due: number;
  oldest: string | null;
  lastRun: { startedAt: string; finishedAt: string | null; rows: number; error: string | null } | null;
}

const count = new Intl.NumberFormat();

function LastRun({ row }: { row: RetentionRow }) {
  if (row.kept) return <Text size="sm">No sweep: kept</Text>;
  const run = row.lastRun;
  if (!run) return <Text size="sm">Never</Text>;
  return (
    <Stack gap={2} align="flex-start">
      <Text size="sm">
        <time dateTime={run.startedAt}>{formatDateTime(run.startedAt)}</time>
      </Text>
      {run.error ? (
        <Badge color="red" variant="light" title={run.error}>
          Failed
        </Badge>
      ) : run.finishedAt ? null : (
        <Badge color="yellow" variant="light">
          Running or interrupted
        </Badge>
      )}
      {run.error && (
        <Text size="xs" c="red.8" className="mono-break">
          {run.error}
        </Text>
      )}
    </Stack>
  );
}

/** Per retention rule: what is due now, the oldest item held and the last sweep (admin, dpo). */
export function RetentionPage() {
  const { data, error, isPending, refetch, isFetching } = useQuery({
    queryKey: ['staff', 'retention'],
    queryFn: () => api.get<{ rules: RetentionRow[] }>('/api/staff/retention'),
  });

  return (
    <Stack gap="lg">
      <PageTitle>Retention</PageTitle>
      <Group justify="space-between" align="flex-start">
        <Text c="dimmed" size="sm" maw={520}>
          Each rule of the data map, what it would remove now, the oldest item still held, and its last sweep. Counts and times only; no one’s data is shown.
        </Text>
        <Button variant="default" size="xs" leftSection={<IconRefresh size={14} aria-hidden />} onClick={() => void refetch()} loading={isFetching}>
          Refresh
        </Button>
      </Group>
      {isPending && <PageLoader label="Loading the retention report" />}
      {error && (
        <Alert color="red" variant="light" role="alert" title="The retention report could not be loaded">
          {error.message}
        </Alert>
      )}
      {data && (
        <Table className="stack-table" verticalSpacing="sm" fz="sm" data-testid="retention-table" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Rule</Table.Th>
              <Table.Th className="num">Due now</Table.Th>
              <Table.Th>Oldest item held</Table.Th>
              <Table.Th>Last run</Table.Th>
              <Table.Th className="num">Last count</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.rules.map((row) => (
              <Table.Tr key={row.rule}>
                <LabelledTd label="Rule" className="stack-head">
                  <Text size="sm" fw={600} ff="monospace" className="mono-break">
                    {row.rule}
                  </Text>
                  <Text size="sm">{row.description}</Text>
                  {row.kept && (
                    <Text size="xs" c="dimmed">
                      {row.kept}
                    </Text>
                  )}
                  {row.schedule && (
                    <Text size="xs" c="dimmed">
                      Sweep schedule <code>{row.schedule}</code>
                    </Text>
                  )}
                </LabelledTd>
                <LabelledTd label="Due now" className="num">
                  {row.kept ? '—' : count.format(row.due)}
                </LabelledTd>
                <LabelledTd label="Oldest held">{row.oldest ? <time dateTime={row.oldest}>{formatDateTime(row.oldest)}</time> : 'Nothing held'}</LabelledTd>
                <LabelledTd label="Last run">
                  <LastRun row={row} />
                </LabelledTd>
                <LabelledTd label="Last count" className="num">
                  {row.lastRun ? count.format(row.lastRun.rows) : '—'}
                </LabelledTd>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
