import { Badge, Stack, Table, Text, Title } from '@mantine/core';
import { formatDateTime } from '../lib/format';
import { ERASE_HOW_LABELS, type ErasureReport, formatDate, tableLabel } from '../lib/rights';
import { LabelledTd } from './StackTable';

/** What an erasure removed and what the law makes us keep, with until when. */
export function ErasureReportView({ report }: { report: ErasureReport }) {
  const erased = report.erased ?? [];
  const kept = report.kept ?? [];
  return (
    <Stack gap="lg">
      <Text>
        Your data was erased on <time dateTime={report.erasedAt}>{formatDateTime(report.erasedAt)}</time>. The reference of this erasure is{' '}
        <Text span ff="monospace" size="sm" className="mono-break">
          {report.requestId}
        </Text>
        .
      </Text>
      <section aria-labelledby="erased-title">
        <Title order={2} size="h4" id="erased-title" mb="xs">
          Erased
        </Title>
        {erased.length === 0 ? (
          <Text c="dimmed">Nothing needed erasing.</Text>
        ) : (
          <Table className="stack-table" striped withTableBorder aria-labelledby="erased-title">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Data</Table.Th>
                <Table.Th>How</Table.Th>
                <Table.Th className="num">Records</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {erased.map((row) => (
                <Table.Tr key={`${row.table}-${row.how}`}>
                  <LabelledTd label="Data">
                    <Text size="sm" fw={500}>
                      {tableLabel(row.table)}
                    </Text>
                    <Text size="xs" c="dimmed" className="mono-break">
                      {row.table}
                    </Text>
                  </LabelledTd>
                  <LabelledTd label="How">
                    <Badge variant="light" color={row.how === 'delete' ? 'red' : row.how === 'crypto-shred' ? 'grape' : 'orange'}>
                      {ERASE_HOW_LABELS[row.how] ?? row.how}
                    </Badge>
                  </LabelledTd>
                  <LabelledTd label="Records" className="num">
                    {row.rows}
                  </LabelledTd>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </section>
      <section aria-labelledby="kept-title">
        <Title order={2} size="h4" id="kept-title" mb={4}>
          Kept, and until when
        </Title>
        <Text size="sm" c="dimmed" mb="xs">
          The law makes us keep these records for a while. They are used for nothing else, and deleted when the date passes.
        </Text>
        {kept.length === 0 ? (
          <Text c="dimmed">Nothing is kept.</Text>
        ) : (
          <Table className="stack-table" striped withTableBorder aria-labelledby="kept-title">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Data</Table.Th>
                <Table.Th>Why we keep it</Table.Th>
                <Table.Th>Until</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {kept.map((row) => (
                <Table.Tr key={`${row.table}-${row.retention ?? ''}`}>
                  <LabelledTd label="Data">
                    <Text size="sm" fw={500}>
                      {tableLabel(row.table)}
                    </Text>
                    <Text size="xs" c="dimmed" className="mono-break">
                      {row.table}
                    </Text>
                  </LabelledTd>
                  <LabelledTd label="Why we keep it">
                    <Text size="sm">{row.reason}</Text>
                  </LabelledTd>
                  <LabelledTd label="Until" style={{ whiteSpace: 'nowrap' }}>
                    {row.until ? <time dateTime={row.until}>{formatDate(row.until)}</time> : 'As long as the law requires'}
                  </LabelledTd>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </section>
    </Stack>
  );
}
