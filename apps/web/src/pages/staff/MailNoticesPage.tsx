import { Alert, Badge, Button, Group, SegmentedControl, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconSpeakerphone } from '@tabler/icons-react';
import { useState } from 'react';
import { ConfirmModal } from '../../components/ConfirmModal';
import { useFormProblem } from '../../components/FormProblem';
import { PageTitle } from '../../components/PageTitle';
import { PageLoader } from '../../components/RequireAuth';
import { Section } from '../../components/Section';
import { LabelledTd } from '../../components/StackTable';
import { formatDateTime } from '../../lib/format';
import {
  NOTICE_KIND_LABELS,
  NOTICE_SUBJECT_MAX,
  NOTICE_TEXT_MAX,
  type NoticeInput,
  type NoticeKind,
  useSendServiceNotice,
  useServiceNotices,
} from '../../lib/mail-protection';
import { ApiError, fieldName } from '../../lib/problem';

const count = new Intl.NumberFormat();
const KIND_COLORS: Record<string, string> = { outage: 'red', update: 'blue' };
const EMPTY: NoticeInput = { kind: 'outage', subject: '', text: '' };

/** What each field must hold, said at the field before any round trip and when the server refuses it. */
const RULES: Record<string, string> = {
  subject: `Give the notice a subject of at most ${NOTICE_SUBJECT_MAX} characters.`,
  text: `Write what the customers need to know, at most ${NOTICE_TEXT_MAX.toLocaleString('en')} characters.`,
};

function check(input: NoticeInput): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!input.subject || input.subject.length > NOTICE_SUBJECT_MAX) problems.subject = RULES.subject;
  if (!input.text || input.text.length > NOTICE_TEXT_MAX) problems.text = RULES.text;
  return problems;
}

/** MAIL-3: an outage or update notice to every customer whose mailboxes or files are protected, after a confirmation. */
function SendNoticeSection() {
  const [draft, setDraft] = useState<NoticeInput>(EMPTY);
  const [confirming, setConfirming] = useState<NoticeInput | null>(null);
  const [error, setError] = useState<string | null>(null);
  const send = useSendServiceNotice();
  const form = useFormProblem();

  function submit(e: React.FormEvent) {
    e.preventDefault();
    form.clear();
    const input = { kind: draft.kind, subject: draft.subject.trim(), text: draft.text.trim() };
    const problems = check(input);
    if (Object.keys(problems).length > 0) return form.setProblem({ errors: Object.entries(problems).map(([field, message]) => ({ field, message })) });
    setError(null);
    setConfirming(input);
  }

  async function confirm() {
    if (!confirming) return;
    setError(null);
    try {
      const { recipients } = await send.mutateAsync(confirming);
      setConfirming(null);
      setDraft(EMPTY);
      notifications.show({
        color: 'green',
        message: recipients === 1 ? 'The notice went to 1 customer.' : `The notice went to ${count.format(recipients)} customers.`,
      });
    } catch (err) {
      if (err instanceof ApiError && err.fieldErrors.length > 0) {
        // Refused at a field: back to the form, which says it there in words.
        setConfirming(null);
        const errors = err.fieldErrors.map((fe) => ({ field: fe.field, message: RULES[fieldName(fe.field)] ?? fe.message }));
        form.setProblem(new ApiError({ ...err.problem, errors }, err.status));
      } else setError(err instanceof Error ? err.message : 'Something went wrong. Please try again.');
    }
  }

  const label = NOTICE_KIND_LABELS[draft.kind].toLowerCase();
  return (
    <Section
      id="send-notice"
      title="Send a notice"
      description="A service email about Mail Protection itself, to everyone whose mailboxes or file stores it protects, whatever their newsletter choice. Each person gets it once."
    >
      {form.alert}
      <form ref={form.formRef} onSubmit={submit} noValidate aria-label="Send a mail protection notice">
        <Stack gap="md">
          <Stack gap={4}>
            <Text size="sm" fw={500} id="notice-kind-label">
              Kind
            </Text>
            <SegmentedControl
              aria-labelledby="notice-kind-label"
              data={(Object.keys(NOTICE_KIND_LABELS) as NoticeKind[]).map((value) => ({ value, label: NOTICE_KIND_LABELS[value] }))}
              value={draft.kind}
              onChange={(value) => setDraft((d) => ({ ...d, kind: value as NoticeKind }))}
              style={{ alignSelf: 'flex-start' }}
            />
          </Stack>
          <TextInput
            label="Subject"
            description={`The email’s subject starts “Steward Mail Protection — ${draft.kind === 'outage' ? 'Service notice' : 'Update'}:”.`}
            name="subject"
            required
            maxLength={NOTICE_SUBJECT_MAX}
            value={draft.subject}
            onChange={(e) => {
              const value = e.currentTarget.value;
              setDraft((d) => ({ ...d, subject: value }));
            }}
            error={form.fields.subject}
          />
          <Textarea
            label="Text"
            description="Plain text. A link to the customer’s mail protection page is added at the end."
            name="text"
            required
            autosize
            minRows={5}
            maxLength={NOTICE_TEXT_MAX}
            value={draft.text}
            onChange={(e) => {
              const value = e.currentTarget.value;
              setDraft((d) => ({ ...d, text: value }));
            }}
            error={form.fields.text}
          />
          <Group>
            <Button type="submit" leftSection={<IconSpeakerphone size={16} aria-hidden />}>
              Send {label} notice
            </Button>
          </Group>
        </Stack>
      </form>
      <ConfirmModal
        opened={confirming !== null}
        title={`Send this ${confirming ? NOTICE_KIND_LABELS[confirming.kind].toLowerCase() : ''} notice?`}
        confirmLabel="Send to every protected customer"
        busy={send.isPending}
        error={error}
        onConfirm={() => void confirm()}
        onClose={() => setConfirming(null)}
      >
        <Text size="sm">
          It goes by email to <strong>every customer whose mailboxes or file stores Steward Mail Protection protects</strong>, at once, and cannot be called
          back.
        </Text>
        {confirming && (
          <Alert variant="light" color="gray" title={confirming.subject} styles={{ title: { overflowWrap: 'anywhere' } }}>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} lineClamp={6}>
              {confirming.text}
            </Text>
          </Alert>
        )}
      </ConfirmModal>
    </Section>
  );
}

function NoticesSection() {
  const notices = useServiceNotices();
  return (
    <Section id="notices-sent" title="Notices sent" description="The latest 100, newest first, with how many people each went to.">
      {notices.isPending && <PageLoader label="Loading the notices" />}
      {notices.error && (
        <Alert color="red" variant="light" role="alert">
          {notices.error.message}
        </Alert>
      )}
      {notices.data?.length === 0 && (
        <Text size="sm" c="dimmed">
          No notice has been sent yet.
        </Text>
      )}
      {notices.data && notices.data.length > 0 && (
        <Table className="stack-table" verticalSpacing="sm" fz="sm" aria-labelledby="notices-sent-title" data-testid="notices">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Sent</Table.Th>
              <Table.Th>Kind</Table.Th>
              <Table.Th>Subject</Table.Th>
              <Table.Th className="num">Recipients</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {notices.data.map((notice) => (
              <Table.Tr key={notice.id}>
                <LabelledTd label="Sent" style={{ whiteSpace: 'nowrap' }}>
                  <time dateTime={notice.createdAt}>{formatDateTime(notice.createdAt)}</time>
                </LabelledTd>
                <LabelledTd label="Kind">
                  <Badge variant="light" color={KIND_COLORS[notice.kind] ?? 'gray'} miw="max-content">
                    {NOTICE_KIND_LABELS[notice.kind as NoticeKind] ?? notice.kind}
                  </Badge>
                </LabelledTd>
                <LabelledTd label="Subject">
                  <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                    {notice.subject}
                  </Text>
                  <Text size="xs" c="dimmed" lineClamp={2} style={{ overflowWrap: 'anywhere' }} title={notice.body}>
                    {notice.body}
                  </Text>
                </LabelledTd>
                <LabelledTd label="Recipients" className="num">
                  {count.format(notice.recipients)}
                </LabelledTd>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Section>
  );
}

/** MAIL-3: staff administrators tell protected customers about outages and updates of the mail protection service. */
export function MailNoticesPage() {
  return (
    <Stack gap="lg">
      <PageTitle>Mail protection notices</PageTitle>
      <Text c="dimmed" size="sm" maw={560}>
        Tell the customers of Steward Mail Protection about an outage or an update of the service. Trial-ending notices go out by themselves, three days before
        a trial ends.
      </Text>
      <SendNoticeSection />
      <NoticesSection />
    </Stack>
  );
}
