import { Alert, Anchor, Box, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { useFormProblem } from '../../../components/FormProblem';
import { PageTitle } from '../../../components/PageTitle';
import { PageLoader } from '../../../components/RequireAuth';
import { Section } from '../../../components/Section';
import { ApiError } from '../../../lib/problem';
import { type RequestView, useCloseRequest, useReply, useRequest } from '../../../lib/support';
import { AttachmentsSection } from './AttachmentsSection';
import { Conversation } from './Conversation';
import { DiagnosticsSection } from './DiagnosticsSection';
import { RequestFacts } from './RequestFacts';

function ReplyBox({ request }: { request: RequestView }) {
  const [body, setBody] = useState('');
  const reply = useReply(request.id);
  const form = useFormProblem();

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    form.clear();
    if (!body.trim()) return form.setFieldError('body', 'Write your answer first.');
    try {
      await reply.mutateAsync(body.trim());
      setBody('');
    } catch (err) {
      form.setProblem(err);
    }
  }

  return (
    <form ref={form.formRef} onSubmit={submit} noValidate aria-label="Reply">
      {form.alert}
      <Stack gap="sm">
        <Textarea
          label="Your reply"
          description={request.status === 'solved' ? 'Replying opens the request again.' : undefined}
          autosize
          minRows={3}
          maxLength={10000}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          error={form.fields.body}
          aria-invalid={form.fields.body ? true : undefined}
        />
        <Group>
          <Button type="submit" loading={reply.isPending}>
            Send reply
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function CloseButton({ request }: { request: RequestView }) {
  const [opened, setOpened] = useState(false);
  const close = useCloseRequest(request.id);
  async function confirm() {
    try {
      await close.mutateAsync();
      setOpened(false);
      notifications.show({ color: 'green', message: `Request #${request.number} is closed.` });
    } catch {
      // The modal shows the error.
    }
  }
  return (
    <>
      <Button variant="default" color="red" onClick={() => setOpened(true)}>
        Close request
      </Button>
      <ConfirmModal
        opened={opened}
        title="Close this request?"
        confirmLabel="Close request"
        busy={close.isPending}
        error={close.error?.message}
        onConfirm={() => void confirm()}
        onClose={() => setOpened(false)}
      >
        <Text size="sm">Close it when the problem is solved. A closed request takes no more replies; for a new problem, open a new request.</Text>
      </ConfirmModal>
    </>
  );
}

export function RequestPage() {
  const { id = '' } = useParams();
  const request = useRequest(id);

  if (request.isPending) return <PageLoader label="Loading the request" />;
  if (request.error)
    return (
      <Stack gap="md" align="flex-start">
        <PageTitle>Request not found</PageTitle>
        <Alert color={request.error instanceof ApiError && request.error.status === 404 ? 'gray' : 'red'} variant="light" role="alert">
          {request.error instanceof ApiError && request.error.status === 404 ? 'There is no such request in your account.' : request.error.message}
        </Alert>
        <Anchor component={Link} to="/account/support">
          Back to your requests
        </Anchor>
      </Stack>
    );

  const r = request.data;
  const open = r.status !== 'closed';
  // A colleague's request the company shares (SUP-4) is read-only: only its author acts on it.
  const mine = r.mine !== false;
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/account/support" size="sm">
        <Group gap={4} wrap="nowrap">
          <IconArrowLeft size={14} aria-hidden /> Your requests
        </Group>
      </Anchor>
      <Box style={{ overflowWrap: 'anywhere' }}>
        <PageTitle>{`#${r.number} ${r.subject}`}</PageTitle>
      </Box>
      <Section id="request-facts" title="Request" badge={open && mine ? <CloseButton request={r} /> : undefined}>
        <RequestFacts request={r} />
      </Section>
      <Section id="request-conversation" title="Conversation">
        <Stack gap="lg">
          <Conversation request={r} viewer="customer" />
          {!mine ? (
            <Text size="sm" c="dimmed" data-testid="colleague-request">
              A colleague opened this request; your company lets you read it. Only they can answer it.
            </Text>
          ) : open ? (
            <ReplyBox request={r} />
          ) : (
            <Text size="sm" c="dimmed">
              This request is closed. For a new problem, open a new request.
            </Text>
          )}
        </Stack>
      </Section>
      {mine && <AttachmentsSection requestId={r.id} open={open} />}
      {mine && <DiagnosticsSection requestId={r.id} open={open} />}
    </Stack>
  );
}
