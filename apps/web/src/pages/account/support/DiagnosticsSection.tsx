import { Alert, Anchor, Button, Card, Code, CopyButton, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconCopy, IconKey } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Section } from '../../../components/Section';
import { formatDateTime } from '../../../lib/format';
import { deletedOn, REPORTS_KEY, type ReportListItem, useReport, useReports } from '../../../lib/reports';
import { useCreateUploadToken, useTerms } from '../../../lib/support';
import { formatSize } from '../../../lib/upload';
import { Findings } from '../reports/Findings';
import { ReportUploadForm } from '../reports/ReportUploadForm';

function CopyLine({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={4}>
      <Group justify="space-between" gap="xs">
        <Text size="sm" fw={600}>
          {label}
        </Text>
        <CopyButton value={value}>
          {({ copied, copy }) => (
            <Button
              size="compact-xs"
              variant="default"
              onClick={copy}
              leftSection={copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />}
              aria-label={`Copy ${label.toLowerCase()}`}
            >
              {copied ? 'Copied' : 'Copy'}
            </Button>
          )}
        </CopyButton>
      </Group>
      <Code block style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid={label === 'Token' ? 'upload-token' : 'upload-command'}>
        {value}
      </Code>
    </Stack>
  );
}

/** DIAG-4: steward-diag sends a bundle to this request with a short-lived token made here. */
function UploadTokenPanel({ requestId }: { requestId: string }) {
  const create = useCreateUploadToken(requestId);
  return (
    <Stack gap="sm">
      <Text size="sm">
        Run <Code>steward-diag collect</Code> on the computer with the problem, look at what it collected, then send it with the command below. The token works
        only for this request.
      </Text>
      <Group>
        <Button
          variant="light"
          leftSection={<IconKey size={16} aria-hidden />}
          onClick={() => create.mutate()}
          loading={create.isPending}
          h="auto"
          mih={36}
          py={6}
          styles={{ label: { whiteSpace: 'normal', textAlign: 'left' } }}
        >
          Create upload token for steward-diag
        </Button>
      </Group>
      {create.error && (
        <Alert color="red" variant="light" role="alert">
          {create.error.message}
        </Alert>
      )}
      {create.data && (
        <Stack gap="sm" data-testid="upload-token-panel">
          <CopyLine label="Token" value={create.data.token} />
          <CopyLine label="Command" value={create.data.command} />
          <Text size="xs" c="dimmed">
            Valid until {formatDateTime(create.data.expiresAt)}. Keep it to yourself: anyone with it can send files to this request.
          </Text>
        </Stack>
      )}
    </Stack>
  );
}

function LinkedReport({ item }: { item: ReportListItem }) {
  const report = useReport(item.id);
  return (
    <Card withBorder padding="sm" component="article" aria-labelledby={`report-${item.id}`} data-testid="request-report">
      <Group justify="space-between" gap="xs" mb="xs" wrap="wrap">
        <Title order={3} size="h6" id={`report-${item.id}`} style={{ overflowWrap: 'anywhere' }}>
          <Anchor component={Link} to={`/account/reports/${item.id}`}>
            {item.fileName}
          </Anchor>
        </Title>
        <Text size="xs" c="dimmed">
          {formatSize(item.size)} · {formatDateTime(item.createdAt)} · deleted on {deletedOn(item.expiresAt)}
        </Text>
      </Group>
      {item.status === 'unreadable' && (
        <Alert color="gray" variant="light" p="xs">
          The parser could not read this file{report.data?.problem ? `: ${report.data.problem}` : '.'}
        </Alert>
      )}
      {report.error && (
        <Text size="sm" c="red">
          {report.error.message}
        </Text>
      )}
      {report.data && item.status === 'parsed' && <Findings findings={report.data.findings} />}
    </Card>
  );
}

/** DIAG-4 and GSI-1: diagnostic bundles for this request, sent by steward-diag or uploaded here. */
export function DiagnosticsSection({ requestId, open }: { requestId: string; open: boolean }) {
  const reports = useReports();
  const terms = useTerms();
  const queryClient = useQueryClient();
  const linked = (reports.data ?? []).filter((r) => r.requestId === requestId);

  return (
    <Section
      id="diagnostics"
      title="Diagnostics"
      description="System reports that show support how your computer is set up. They are deleted after 90 days at the latest."
    >
      <Stack gap="lg">
        {open && <UploadTokenPanel requestId={requestId} />}
        {reports.error && (
          <Alert color="red" variant="light" role="alert">
            {reports.error.message}
          </Alert>
        )}
        {reports.data && linked.length === 0 && (
          <Text size="sm" c="dimmed">
            No reports for this request yet.
          </Text>
        )}
        {linked.map((item) => (
          <LinkedReport key={item.id} item={item} />
        ))}
        {open && terms.data && !terms.data.accepted && (
          <Text size="sm" c="dimmed">
            To upload a report here, first accept the data-provisioning terms under Attachments.
          </Text>
        )}
        {open && terms.data?.accepted && (
          <ReportUploadForm
            requestId={requestId}
            onUploaded={(report) => {
              notifications.show({ color: 'green', message: `${report.fileName} is uploaded to this request.` });
              void queryClient.invalidateQueries({ queryKey: REPORTS_KEY });
            }}
          />
        )}
      </Stack>
    </Section>
  );
}
