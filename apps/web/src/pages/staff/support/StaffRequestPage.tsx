import { Alert, Anchor, Box, Group, Stack, Text } from '@mantine/core';
import { IconArrowLeft, IconEye } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { Fact } from '../../../components/Fact';
import { PageTitle } from '../../../components/PageTitle';
import { PageLoader } from '../../../components/RequireAuth';
import { Section } from '../../../components/Section';
import { ApiError } from '../../../lib/problem';
import { STAFF_READ_REASON } from '../../../lib/reports';
import { useStaffRequest } from '../../../lib/staff-support';
import { STAFF_STATUS_LABELS } from '../../../lib/support';
import { Conversation } from '../../account/support/Conversation';
import { RequestFacts } from '../../account/support/RequestFacts';
import { RequestControls } from './RequestControls';
import { StaffAttachmentsSection, StaffReportsSection } from './StaffFilesSections';
import { StaffReplyForm } from './StaffReplyForm';

function BackLink() {
  return (
    <Anchor component={Link} to="/staff/support" size="sm">
      <Group gap={4} wrap="nowrap">
        <IconArrowLeft size={14} aria-hidden /> Support queue
      </Group>
    </Anchor>
  );
}

/** SUP-6: a request of the agent's department; another department's answers 404 like a missing one. */
export function StaffRequestPage() {
  const { id = '' } = useParams();
  const request = useStaffRequest(id, STAFF_READ_REASON);

  if (request.isPending) return <PageLoader label="Loading the request" />;
  if (request.error) {
    const missing = request.error instanceof ApiError && request.error.status === 404;
    return (
      <Stack gap="md" align="flex-start">
        <BackLink />
        <PageTitle>Request not found</PageTitle>
        <Alert color={missing ? 'gray' : 'red'} variant="light" role="alert">
          {missing ? 'There is no such request in the queues of your teams.' : request.error.message}
        </Alert>
      </Stack>
    );
  }

  const r = request.data;
  const staffStatus = (s: string) => STAFF_STATUS_LABELS[s as keyof typeof STAFF_STATUS_LABELS] ?? s;
  return (
    <Stack gap="lg">
      <BackLink />
      <Box style={{ overflowWrap: 'anywhere' }}>
        <PageTitle>{`#${r.number} ${r.subject}`}</PageTitle>
      </Box>
      <Alert variant="light" color="blue" icon={<IconEye aria-hidden />} p="sm">
        Opening this request was recorded in the audit log.
      </Alert>
      <Section id="staff-request-handling" title="Handling">
        <RequestControls request={r} />
      </Section>
      <Section id="staff-request-facts" title="Request">
        <RequestFacts
          request={r}
          statusText={staffStatus}
          extra={
            <>
              <Fact label="Customer">
                <Text size="xs" ff="monospace" className="mono-break">
                  {r.userId}
                </Text>
              </Fact>
              <Fact label="Country">{r.country ?? '—'}</Fact>
              <Fact label="Language">{r.language ?? '—'}</Fact>
            </>
          }
        />
      </Section>
      <Section id="staff-request-conversation" title="Conversation">
        <Stack gap="lg">
          <Conversation request={r} viewer="staff" />
          {r.status !== 'closed' ? (
            <StaffReplyForm requestId={r.id} />
          ) : (
            <Text size="sm" c="dimmed">
              The request is closed.
            </Text>
          )}
        </Stack>
      </Section>
      <StaffAttachmentsSection requestId={r.id} />
      <StaffReportsSection requestId={r.id} />
    </Stack>
  );
}
