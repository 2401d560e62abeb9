import { Alert, Anchor, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Section } from '../../../components/Section';
import { LabelledTd } from '../../../components/StackTable';
import { formatDateTime } from '../../../lib/format';
import { deletedOn, type ReportListItem, useStaffReport } from '../../../lib/reports';
import { staffAttachmentUrl, useStaffAttachments, useStaffRequestReports } from '../../../lib/staff-support';
import { formatSize } from '../../../lib/upload';
import { FindingCounts, Findings } from '../../account/reports/Findings';
import { ReportSections } from '../../account/reports/ReportSections';

/** Files the customer attached; each download is audited by the server. */
export function StaffAttachmentsSection({ requestId }: { requestId: string }) {
  const files = useStaffAttachments(requestId);
  return (
    <Section id="staff-attachments" title="Attachments">
      {files.error && (
        <Alert color="red" variant="light" role="alert">
          {files.error.message}
        </Alert>
      )}
      {files.data?.length === 0 && (
        <Text size="sm" c="dimmed">
          The customer attached no files.
        </Text>
      )}
      {files.data && files.data.length > 0 && (
        <Table className="stack-table" striped aria-label="Attached files">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>File</Table.Th>
              <Table.Th className="num">Size</Table.Th>
              <Table.Th>Added</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {files.data.map((f) => (
              <Table.Tr key={f.id}>
                <LabelledTd label="File">
                  <Anchor href={staffAttachmentUrl(requestId, f.id)} download={f.fileName} size="sm" className="mono-break">
                    {f.fileName}
                  </Anchor>
                </LabelledTd>
                <LabelledTd label="Size" className="num">
                  {formatSize(f.size)}
                </LabelledTd>
                <LabelledTd label="Added" style={{ whiteSpace: 'nowrap' }}>
                  {formatDateTime(f.createdAt)}
                </LabelledTd>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Section>
  );
}

/** DIAG-5: one bundle of the request, read through the staff route that audits each read. */
function StaffReport({ item }: { item: ReportListItem }) {
  const report = useStaffReport(item.id);
  const [details, { toggle }] = useDisclosure(false);
  return (
    <Card withBorder padding="sm" component="article" aria-labelledby={`staff-report-${item.id}`} data-testid="staff-report">
      <Group justify="space-between" gap="xs" mb="xs" wrap="wrap">
        <Title order={3} size="h6" id={`staff-report-${item.id}`} className="mono-break">
          {item.fileName}
        </Title>
        <FindingCounts findings={item.findings} />
      </Group>
      <Text size="xs" c="dimmed" mb="xs">
        {item.source === 'steward-diag' ? 'Sent by steward-diag' : 'Uploaded'} on {formatDateTime(item.createdAt)} · {formatSize(item.size)} · deleted on{' '}
        {deletedOn(item.expiresAt)}
      </Text>
      {report.error && (
        <Alert color="red" variant="light" role="alert" p="xs">
          {report.error.message}
        </Alert>
      )}
      {report.data?.status === 'unreadable' && (
        <Alert color="gray" variant="light" p="xs">
          The parser could not read this file: {report.data.problem ?? 'unknown format'}
        </Alert>
      )}
      {report.data?.status === 'parsed' && (
        <Stack gap="sm">
          <Findings findings={report.data.findings} />
          <Group>
            <Button variant="subtle" size="compact-sm" onClick={toggle} aria-expanded={details}>
              {details ? 'Hide the report' : 'Show the whole report'}
            </Button>
          </Group>
          {details && <ReportSections sections={report.data.sections} />}
        </Stack>
      )}
    </Card>
  );
}

export function StaffReportsSection({ requestId }: { requestId: string }) {
  const reports = useStaffRequestReports(requestId);
  return (
    <Section id="staff-reports" title="Diagnostic reports" description="Bundles the customer sent for this request. Each read is recorded in the audit log.">
      <Stack gap="sm">
        {reports.error && (
          <Alert color="red" variant="light" role="alert">
            {reports.error.message}
          </Alert>
        )}
        {reports.data?.length === 0 && (
          <Text size="sm" c="dimmed">
            No reports for this request.
          </Text>
        )}
        {reports.data?.map((item) => (
          <StaffReport key={item.id} item={item} />
        ))}
      </Stack>
    </Section>
  );
}
