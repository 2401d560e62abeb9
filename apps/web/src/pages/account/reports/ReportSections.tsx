import { Accordion, Code, ScrollArea, Table, Text } from '@mantine/core';
import type { ReportSection } from '../../../lib/reports';

function Rows({ section }: { section: ReportSection }) {
  return (
    <Table className="stack-table" striped fz="sm" aria-label={section.title} layout="fixed">
      <Table.Tbody>
        {section.rows.map((row, i) => (
          // Labels repeat in some sections (one row per service or driver), so the index keeps keys apart.
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own.
          <Table.Tr key={`${row.label}-${i}`}>
            <Table.Th w="35%" scope="row" style={{ overflowWrap: 'anywhere', verticalAlign: 'top' }}>
              {row.label}
            </Table.Th>
            <Table.Td style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>{row.value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** The parsed sections of a report: facts as tables, longer output as preformatted text. */
export function ReportSections({ sections }: { sections: ReportSection[] }) {
  if (sections.length === 0)
    return (
      <Text size="sm" c="dimmed">
        This report has no readable sections.
      </Text>
    );
  return (
    <Accordion multiple variant="separated" defaultValue={sections.slice(0, 1).map((s) => s.id)} data-testid="report-sections">
      {sections.map((section) => (
        <Accordion.Item key={section.id} value={section.id}>
          <Accordion.Control>{section.title}</Accordion.Control>
          <Accordion.Panel>
            {section.rows.length > 0 && <Rows section={section} />}
            {section.text && (
              <ScrollArea.Autosize mah={360} type="auto" mt={section.rows.length > 0 ? 'sm' : 0}>
                <Code block style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {section.text}
                </Code>
              </ScrollArea.Autosize>
            )}
          </Accordion.Panel>
        </Accordion.Item>
      ))}
    </Accordion>
  );
}
