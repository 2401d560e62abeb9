import { Alert, Anchor, Box, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { Fact } from '../../../components/Fact';
import { PageTitle } from '../../../components/PageTitle';
import { PageLoader } from '../../../components/RequireAuth';
import { Section } from '../../../components/Section';
import { formatDateTime } from '../../../lib/format';
import { ApiError } from '../../../lib/problem';
import { deletedOn, type ReportView, useReport } from '../../../lib/reports';
import { formatSize } from '../../../lib/upload';
import { Findings } from './Findings';
import { ReportSections } from './ReportSections';

/** The facts, findings and sections of one report; shared by the customer's and the staff's pages. */
export function ReportBody({ report, requestLink }: { report: ReportView; requestLink?: string }) {
  return (
    <Stack gap="lg">
      <Section id="report-facts" title="File">
        <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="md" verticalSpacing="sm">
          <Fact label="Uploaded">{formatDateTime(report.createdAt)}</Fact>
          <Fact label="Deleted on">{deletedOn(report.expiresAt)}</Fact>
          <Fact label="Size">{formatSize(report.size)}</Fact>
          <Fact label="Sent by">{report.source === 'steward-diag' ? 'steward-diag' : 'Upload on this site'}</Fact>
          {requestLink && (
            <Fact label="Support request">
              <Anchor component={Link} to={requestLink} size="sm">
                Open the request
              </Anchor>
            </Fact>
          )}
          <Fact label="SHA-256">
            <Text size="xs" ff="monospace" className="mono-break">
              {report.sha256}
            </Text>
          </Fact>
        </SimpleGrid>
      </Section>
      {report.status === 'unreadable' ? (
        <Alert color="gray" variant="light" title="This report could not be read">
          {report.problem ?? 'The file is not a report the parser knows.'}
        </Alert>
      ) : (
        <>
          <Section id="report-findings" title="Findings" description="What looks wrong or worth knowing, the most serious first.">
            <Findings findings={report.findings} />
          </Section>
          <Section id="report-sections" title="What the report says">
            <ReportSections sections={report.sections} />
          </Section>
        </>
      )}
    </Stack>
  );
}

export function ReportPage() {
  const { id = '' } = useParams();
  const report = useReport(id);

  if (report.isPending) return <PageLoader label="Loading the report" />;
  if (report.error) {
    const missing = report.error instanceof ApiError && (report.error.status === 404 || report.error.status === 410);
    return (
      <Stack gap="md" align="flex-start">
        <PageTitle>Report not found</PageTitle>
        <Alert color={missing ? 'gray' : 'red'} variant="light" role="alert">
          {missing ? 'There is no such report in your account. Reports are deleted after 90 days.' : report.error.message}
        </Alert>
        <Anchor component={Link} to="/account/reports">
          Back to your reports
        </Anchor>
      </Stack>
    );
  }
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/account/reports" size="sm">
        <Group gap={4} wrap="nowrap">
          <IconArrowLeft size={14} aria-hidden /> Your reports
        </Group>
      </Anchor>
      {/* File names are long unbroken words; the heading breaks them rather than widen the page. */}
      <Box style={{ overflowWrap: 'anywhere' }}>
        <PageTitle>{report.data.fileName}</PageTitle>
      </Box>
      <ReportBody report={report.data} requestLink={report.data.requestId ? `/account/support/${report.data.requestId}` : undefined} />
    </Stack>
  );
}
