import { LineChart } from '@mantine/charts';
import { Alert, Button, Card, Group, SegmentedControl, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { PageTitle } from '../../components/PageTitle';
import { PageLoader } from '../../components/RequireAuth';
import { LabelledTd } from '../../components/StackTable';
import { api } from '../../lib/api';

interface HourRow {
  hour: string;
  kind: 'page-view' | 'api-use';
  path: string;
  views: number;
  visitors: number;
}

interface Series {
  from: string;
  to: string;
  hours: HourRow[];
}

type Preset = '24h' | '7d' | 'custom';

const HOUR_MS = 60 * 60 * 1000;
const MAX_DAYS = 92;
const TABLE_ROWS = 200;
const count = new Intl.NumberFormat();

/** The range of a preset: whole hours, up to the end of the current one. */
function presetRange(preset: '24h' | '7d'): { from: string; to: string } {
  const to = Math.ceil(Date.now() / HOUR_MS) * HOUR_MS;
  const hours = preset === '24h' ? 24 : 7 * 24;
  return { from: new Date(to - hours * HOUR_MS).toISOString(), to: new Date(to).toISOString() };
}

/** A Date as the value of an <input type="datetime-local">, in local time. */
function toLocalInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** An hour on the chart's axis: "3:00 PM", or "Mon 3 PM" when the range spans days. */
function hourLabel(ms: number, withDay: boolean): string {
  const d = new Date(ms);
  return withDay ? d.toLocaleString(undefined, { weekday: 'short', hour: 'numeric' }) : d.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
}

/** An hour in the table: "Mon, Nov 23, 3:00 PM". */
function hourInTable(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { weekday: 'short', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** One point per hour of the range, zero where nothing was counted, page views only. */
function chartData(series: Series) {
  const from = Math.floor(new Date(series.from).getTime() / HOUR_MS) * HOUR_MS;
  const to = new Date(series.to).getTime();
  const withDay = to - from > 24 * HOUR_MS;
  const byHour = new Map<number, { views: number; visitors: number }>();
  for (const row of series.hours) {
    if (row.kind !== 'page-view') continue;
    const key = new Date(row.hour).getTime();
    const point = byHour.get(key) ?? { views: 0, visitors: 0 };
    point.views += row.views;
    point.visitors += row.visitors;
    byHour.set(key, point);
  }
  const points: { hour: string; 'Page views': number; Visitors: number }[] = [];
  for (let t = from; t < to; t += HOUR_MS) {
    const p = byHour.get(t);
    points.push({ hour: hourLabel(t, withDay), 'Page views': p?.views ?? 0, Visitors: p?.visitors ?? 0 });
  }
  return points;
}

/** Hourly page views and visitors, from the aggregated statistics (admin, dpo). */
export function StatsPage() {
  const [preset, setPreset] = useState<Preset>('24h');
  const [range, setRange] = useState(() => presetRange('24h'));
  const [custom, setCustom] = useState(() => ({ from: toLocalInput(range.from), to: toLocalInput(range.to) }));
  const [rangeError, setRangeError] = useState<string | null>(null);

  const { data, error, isPending, isFetching, refetch } = useQuery({
    queryKey: ['staff', 'stats', range.from, range.to],
    queryFn: () => api.get<Series>(`/api/staff/stats?from=${encodeURIComponent(range.from)}&to=${encodeURIComponent(range.to)}`),
    placeholderData: keepPreviousData,
  });

  const points = useMemo(() => (data ? chartData(data) : []), [data]);
  const rows = useMemo(() => (data ? [...data.hours].sort((a, b) => b.hour.localeCompare(a.hour) || a.path.localeCompare(b.path)) : []), [data]);
  const totals = useMemo(() => points.reduce((sum, p) => sum + p['Page views'], 0), [points]);

  function choosePreset(value: string) {
    const next = value as Preset;
    setPreset(next);
    setRangeError(null);
    if (next !== 'custom') setRange(presetRange(next));
  }

  function applyCustom(e: FormEvent) {
    e.preventDefault();
    const from = new Date(custom.from);
    const to = new Date(custom.to);
    if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) return setRangeError('Enter both a start and an end.');
    if (to <= from) return setRangeError('The end must be after the start.');
    if (to.getTime() - from.getTime() > MAX_DAYS * 24 * HOUR_MS) return setRangeError(`Choose at most ${MAX_DAYS} days.`);
    setRangeError(null);
    setRange({ from: from.toISOString(), to: to.toISOString() });
  }

  function refresh() {
    if (preset === 'custom') void refetch();
    else setRange(presetRange(preset));
  }

  return (
    <Stack gap="lg">
      <PageTitle>Statistics</PageTitle>
      <Text c="dimmed" size="sm" maw={560}>
        Page views and visitors per hour, counted only for visitors who allowed first-party analytics, under a daily pseudonym. An hour is counted once it is
        over.
      </Text>

      <Group justify="space-between" align="flex-end" gap="sm">
        <SegmentedControl
          aria-label="Period"
          value={preset}
          onChange={choosePreset}
          data={[
            { value: '24h', label: 'Last 24 hours' },
            { value: '7d', label: 'Last 7 days' },
            { value: 'custom', label: 'Custom' },
          ]}
        />
        <Button variant="default" size="xs" leftSection={<IconRefresh size={14} aria-hidden />} onClick={refresh} loading={isFetching}>
          Refresh
        </Button>
      </Group>

      {preset === 'custom' && (
        <form onSubmit={applyCustom} noValidate aria-label="Custom period">
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm" style={{ alignItems: 'end' }}>
            <TextInput type="datetime-local" label="From" value={custom.from} onChange={(e) => setCustom({ ...custom, from: e.currentTarget.value })} />
            <TextInput
              type="datetime-local"
              label="To"
              value={custom.to}
              onChange={(e) => setCustom({ ...custom, to: e.currentTarget.value })}
              error={rangeError}
            />
            <Button type="submit">Show</Button>
          </SimpleGrid>
        </form>
      )}

      {isPending && <PageLoader label="Loading the statistics" />}
      {error && (
        <Alert color="red" variant="light" role="alert" title="The statistics could not be loaded">
          {error.message}
        </Alert>
      )}

      {data && (
        <>
          <Card withBorder padding="md" component="section" aria-labelledby="chart-title">
            <Group justify="space-between" mb="sm" gap="xs">
              <Title order={2} size="h5" id="chart-title">
                Page views and visitors per hour
              </Title>
              <Text size="sm" c="dimmed">
                {count.format(totals)} page views in this period
              </Text>
            </Group>
            <LineChart
              h={260}
              data={points}
              dataKey="hour"
              series={[
                { name: 'Page views', color: 'blue.6' },
                { name: 'Visitors', color: 'teal.6' },
              ]}
              curveType="linear"
              withDots={points.length <= 48}
              withLegend
              legendProps={{ verticalAlign: 'bottom' }}
              xAxisProps={{ minTickGap: 24 }}
              yAxisProps={{ allowDecimals: false, width: 40 }}
              tickLine="y"
              data-testid="stats-chart"
              aria-hidden
            />
            <Text size="xs" c="dimmed" mt="xs">
              Visitors are counted per page and hour; someone who opened two pages in one hour counts on each. The table below has the same numbers.
            </Text>
          </Card>

          <section aria-labelledby="table-title">
            <Title order={2} size="h5" id="table-title" mb="xs">
              By hour and page
            </Title>
            {rows.length === 0 ? (
              <Text size="sm" data-testid="stats-empty">
                Nothing was counted in this period.
              </Text>
            ) : (
              <Table className="stack-table" verticalSpacing="xs" fz="sm" data-testid="stats-table" striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Hour</Table.Th>
                    <Table.Th>Page</Table.Th>
                    <Table.Th>Kind</Table.Th>
                    <Table.Th className="num">Views</Table.Th>
                    <Table.Th className="num">Visitors</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.slice(0, TABLE_ROWS).map((row) => (
                    <Table.Tr key={`${row.hour}|${row.kind}|${row.path}`}>
                      <LabelledTd label="Hour">
                        <time dateTime={row.hour}>{hourInTable(row.hour)}</time>
                      </LabelledTd>
                      <LabelledTd label="Page">
                        <Text size="sm" ff="monospace" className="mono-break">
                          {row.path}
                        </Text>
                      </LabelledTd>
                      <LabelledTd label="Kind">{row.kind === 'page-view' ? 'Page view' : 'API use'}</LabelledTd>
                      <LabelledTd label="Views" className="num">
                        {count.format(row.views)}
                      </LabelledTd>
                      <LabelledTd label="Visitors" className="num">
                        {count.format(row.visitors)}
                      </LabelledTd>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            {rows.length > TABLE_ROWS && (
              <Text size="xs" c="dimmed" mt="xs">
                Showing the newest {TABLE_ROWS} of {count.format(rows.length)} rows; choose a shorter period to see the rest.
              </Text>
            )}
          </section>
        </>
      )}
    </Stack>
  );
}
