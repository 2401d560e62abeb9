import { BarChart, LineChart } from '@mantine/charts';
import { Alert, Card, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { PageTitle } from '../../../components/PageTitle';
import { PageLoader } from '../../../components/RequireAuth';
import { type SurveySummary, useSurveySummary } from '../../../lib/staff-support';

const count = new Intl.NumberFormat();
const oneDecimal = new Intl.NumberFormat(undefined, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const rate = (n: number | null) => (n === null ? '—' : oneDecimal.format(n));

function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Card withBorder padding="sm">
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text size="xl" fw={700} data-testid={testId}>
        {value}
      </Text>
    </Card>
  );
}

function Charts({ summary }: { summary: SurveySummary }) {
  const bars = summary.distribution.map((n, i) => ({ rating: i === 0 ? '1 star' : `${i + 1} stars`, Answers: n }));
  const months = summary.byMonth.map((m) => ({ month: m.month, Average: m.average, Answers: m.answered }));
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <Card withBorder padding="md" component="section" aria-labelledby="ratings-title">
        <Title order={2} size="h5" id="ratings-title" mb="sm">
          Ratings
        </Title>
        <BarChart
          h={220}
          data={bars}
          dataKey="rating"
          series={[{ name: 'Answers', color: 'blue.6' }]}
          yAxisProps={{ allowDecimals: false, width: 32 }}
          aria-hidden
        />
        <Table mt="sm" fz="sm" aria-labelledby="ratings-title" data-testid="survey-distribution">
          <Table.Tbody>
            {bars.map((b) => (
              <Table.Tr key={b.rating}>
                <Table.Th scope="row">{b.rating}</Table.Th>
                <Table.Td className="num">{count.format(b.Answers)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
      <Card withBorder padding="md" component="section" aria-labelledby="months-title">
        <Title order={2} size="h5" id="months-title" mb="sm">
          Average by month
        </Title>
        {summary.answered === 0 ? (
          <Text size="sm" c="dimmed">
            No answers yet.
          </Text>
        ) : (
          <>
            <LineChart
              h={220}
              data={months}
              dataKey="month"
              series={[{ name: 'Average', color: 'teal.6' }]}
              yAxisProps={{ domain: [1, 5], ticks: [1, 2, 3, 4, 5], width: 24 }}
              curveType="linear"
              connectNulls
              aria-hidden
            />
            <Table mt="sm" fz="sm" aria-labelledby="months-title">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Month</Table.Th>
                  <Table.Th className="num">Answers</Table.Th>
                  <Table.Th className="num">Average</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {summary.byMonth
                  .filter((m) => m.answered > 0)
                  .map((m) => (
                    <Table.Tr key={m.month}>
                      <Table.Td>{m.month}</Table.Td>
                      <Table.Td className="num">{count.format(m.answered)}</Table.Td>
                      <Table.Td className="num">{rate(m.average)}</Table.Td>
                    </Table.Tr>
                  ))}
              </Table.Tbody>
            </Table>
          </>
        )}
      </Card>
    </SimpleGrid>
  );
}

/** SUP-5: how satisfied customers are with support. */
export function SurveysPage() {
  const summary = useSurveySummary();
  return (
    <Stack gap="lg">
      <PageTitle>Surveys</PageTitle>
      <Text size="sm" c="dimmed" maw={560}>
        Answers to the survey sent after each closed request and to the yearly survey, for customers who agreed to receive it.
      </Text>
      {summary.isPending && <PageLoader label="Loading the survey results" />}
      {summary.error && (
        <Alert color="red" variant="light" role="alert" title="The results could not be loaded">
          {summary.error.message}
        </Alert>
      )}
      {summary.data && (
        <>
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
            <Figure label="Surveys sent" value={count.format(summary.data.total)} testId="surveys-total" />
            <Figure label="Answered" value={count.format(summary.data.answered)} testId="surveys-answered" />
            <Figure
              label="Answer rate"
              value={summary.data.total ? `${Math.round((summary.data.answered / summary.data.total) * 100)}%` : '—'}
              testId="surveys-rate"
            />
            <Figure label="Average rating" value={rate(summary.data.average)} testId="surveys-average" />
          </SimpleGrid>
          <Charts summary={summary.data} />
        </>
      )}
    </Stack>
  );
}
