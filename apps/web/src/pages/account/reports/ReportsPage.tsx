import { ActionIcon, Alert, Anchor, Stack, Table, Text } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { PageTitle } from '../../../components/PageTitle';
import { PageLoader } from '../../../components/RequireAuth';
import { Section } from '../../../components/Section';
import { LabelledTd } from '../../../components/StackTable';
import { formatDateTime } from '../../../lib/format';
import { deletedOn, REPORTS_KEY, type ReportListItem, useDeleteReport, useReports } from '../../../lib/reports';
import { formatSize } from '../../../lib/upload';
import { useConfirmedAction } from '../../../lib/use-confirmed-action';
import { FindingCounts } from './Findings';
import { ReportUploadForm } from './ReportUploadForm';

function ReportTable({ reports, onDelete }: { reports: ReportListItem[]; onDelete: (r: ReportListItem) => void }) {
  return (
    <Table className="stack-table" striped aria-label="Your reports" data-testid="reports">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Report</Table.Th>
          <Table.Th>Findings</Table.Th>
          <Table.Th>Uploaded</Table.Th>
          <Table.Th>Deleted on</Table.Th>
          <Table.Th>Actions</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {reports.map((r) => (
          <Table.Tr key={r.id}>
            <LabelledTd label="Report">
              <Anchor component={Link} to={`/account/reports/${r.id}`} size="sm" className="mono-break">
                {r.fileName}
              </Anchor>
              <Text size="xs" c="dimmed">
                {formatSize(r.size)}
                {r.source === 'steward-diag' ? ' · sent by steward-diag' : ''}
                {r.requestId ? ' · for a support request' : ''}
              </Text>
            </LabelledTd>
            <LabelledTd label="Findings">
              {r.status === 'unreadable' ? <Text size="sm">Could not be read</Text> : <FindingCounts findings={r.findings} />}
            </LabelledTd>
            <LabelledTd label="Uploaded" style={{ whiteSpace: 'nowrap' }}>
              {formatDateTime(r.createdAt)}
            </LabelledTd>
            <LabelledTd label="Deleted on" style={{ whiteSpace: 'nowrap' }}>
              {deletedOn(r.expiresAt)}
            </LabelledTd>
            <LabelledTd label="Actions">
              <ActionIcon variant="default" color="red" aria-label={`Delete ${r.fileName}`} onClick={() => onDelete(r)}>
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </LabelledTd>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** GSI-1: the customer reads a system report of their own computer, parsed into findings. */
export function ReportsPage() {
  const reports = useReports();
  const remove = useDeleteReport();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const {
    pending: deleting,
    error,
    ask,
    confirm,
    close,
  } = useConfirmedAction(async (item: ReportListItem) => {
    await remove.mutateAsync(item.id);
    return `${item.fileName} is deleted.`;
  });

  return (
    <Stack gap="lg">
      <PageTitle>System reports</PageTitle>
      <Text>
        Upload a system report of your computer to see what it says: drivers, services, network and software, with what looks wrong first. Reports are deleted
        after 90 days, or sooner when you delete them.
      </Text>
      <Section id="upload-report" title="Read a report" description="Made by steward-diag collect, or an sos report of a Linux computer.">
        <ReportUploadForm
          requestId={null}
          onUploaded={(report) => {
            void queryClient.invalidateQueries({ queryKey: REPORTS_KEY });
            navigate(`/account/reports/${report.id}`);
          }}
        />
      </Section>
      <Section id="my-reports" title="Your reports">
        {reports.isPending && <PageLoader label="Loading your reports" />}
        {reports.error && (
          <Alert color="red" variant="light" role="alert" title="Your reports could not be loaded">
            {reports.error.message}
          </Alert>
        )}
        {reports.data?.length === 0 && (
          <Text size="sm" c="dimmed" data-testid="no-reports">
            You have no reports.
          </Text>
        )}
        {reports.data && reports.data.length > 0 && <ReportTable reports={reports.data} onDelete={ask} />}
      </Section>
      <ConfirmModal
        opened={deleting !== null}
        title="Delete this report?"
        confirmLabel="Delete report"
        color="red"
        busy={remove.isPending}
        error={error}
        onConfirm={() => void confirm()}
        onClose={close}
      >
        <Text size="sm">The file and what was read from it are deleted now. Support can no longer see it either.</Text>
      </ConfirmModal>
    </Stack>
  );
}
