import { Alert, Button, Group, Modal, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useFormProblem } from '../../../components/FormProblem';
import { api } from '../../../lib/api';
import { ApiError } from '../../../lib/problem';
import { addMonths, formatDate, kindLabel, type QueueItem } from '../../../lib/rights';

const MIN_REASON = 10;

const ymd = (d: Date) => d.toISOString().slice(0, 10);

function closedMessage(err: unknown): boolean {
  return err instanceof ApiError && err.status === 409 && err.code === 'request-closed';
}

interface Props {
  item: QueueItem | null;
  onClose: () => void;
  onDone: () => void;
}

function Subject({ item }: { item: QueueItem }) {
  return (
    <Text size="sm" c="dimmed">
      {kindLabel(item.kind)} request, opened {formatDate(item.openedAt)}, due {formatDate(item.deadline)}.
    </Text>
  );
}

/** RIGHT-4: a later deadline, at most two months past the original one, with a reason the requester reads. */
export function ExtendModal({ item, onClose, onDone }: Props) {
  const [date, setDate] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const form = useFormProblem();
  const { clear } = form;

  useEffect(() => {
    if (item) {
      setDate('');
      setReason('');
      clear();
    }
  }, [item, clear]);

  if (!item) return <Modal opened={false} onClose={onClose} title="Extend the deadline" />;
  const due = new Date(item.dueAt);
  const limit = addMonths(due, 2);
  const current = new Date(item.deadline);
  const min = ymd(new Date(current.getTime() + 86_400_000));
  const max = ymd(limit);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    form.clear();
    if (!item) return;
    if (!date) return form.setFieldError('until', 'Choose the new deadline.');
    // The new deadline keeps the time of day of the original one, and never passes the limit.
    let until = new Date(`${date}T${due.toISOString().slice(11)}`);
    if (until > limit) until = limit;
    if (Number.isNaN(until.getTime()) || until <= current) return form.setFieldError('until', `Choose a date after ${formatDate(item.deadline)}.`);
    if (date > max) return form.setFieldError('until', `At most two months past the original deadline: ${formatDate(limit.toISOString())} at the latest.`);
    if (reason.trim().length < MIN_REASON) return form.setFieldError('reason', `Write at least ${MIN_REASON} characters.`);
    setBusy(true);
    try {
      await api.post(`/api/staff/privacy-requests/${item.id}/extend`, { until: until.toISOString(), reason: reason.trim() });
      notifications.show({ color: 'green', message: `Deadline extended to ${formatDate(until.toISOString())}. The requester is emailed the reason.` });
      onDone();
      onClose();
    } catch (err) {
      if (closedMessage(err)) {
        form.setMessage('This request was already handled by someone else.');
        onDone();
      } else form.setProblem(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened onClose={onClose} title="Extend the deadline" centered>
      <form ref={form.formRef} onSubmit={submit} noValidate>
        <Stack gap="md">
          <Subject item={item} />
          {form.alert}
          <TextInput
            type="date"
            label="New deadline"
            description={`At most two months past the original deadline: ${formatDate(limit.toISOString())}.`}
            min={min}
            max={max}
            value={date}
            onChange={(e) => setDate(e.currentTarget.value)}
            error={form.fields.until}
            aria-invalid={form.fields.until ? true : undefined}
            required
          />
          <Textarea
            label="Reason"
            description="The requester is emailed this reason."
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            maxLength={1000}
            autosize
            minRows={3}
            error={form.fields.reason}
            aria-invalid={form.fields.reason ? true : undefined}
            required
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={busy}>
              Cancel
            </Button>
            <Button type="submit" loading={busy}>
              Extend
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** RIGHT-5: a refusal needs a lawful ground and a reason. */
export function RefuseModal({ item, onClose, onDone }: Props) {
  const [ground, setGround] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const form = useFormProblem();
  const { clear } = form;

  useEffect(() => {
    if (item) {
      setGround('');
      setReason('');
      clear();
    }
  }, [item, clear]);

  if (!item) return <Modal opened={false} onClose={onClose} title="Refuse the request" />;

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    form.clear();
    if (!item) return;
    if (!ground) return form.setFieldError('ground', 'Choose the ground for the refusal.');
    if (reason.trim().length < MIN_REASON) return form.setFieldError('reason', `Write at least ${MIN_REASON} characters.`);
    setBusy(true);
    try {
      await api.post(`/api/staff/privacy-requests/${item.id}/refuse`, { ground, reason: reason.trim() });
      notifications.show({ color: 'green', message: 'The request is refused. The requester is emailed the reason.' });
      onDone();
      onClose();
    } catch (err) {
      if (closedMessage(err)) {
        form.setMessage('This request was already handled by someone else.');
        onDone();
      } else form.setProblem(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened onClose={onClose} title="Refuse the request" centered>
      <form ref={form.formRef} onSubmit={submit} noValidate>
        <Stack gap="md">
          <Subject item={item} />
          <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} p="sm">
            Refuse only when the request is manifestly unfounded or repetitive, and be ready to show why. The requester is emailed the reason and may complain
            to the supervisory authority.
          </Alert>
          {form.alert}
          <Radio.Group label="Ground" value={ground} onChange={setGround} error={form.fields.ground} required>
            <Stack gap={6} mt={4}>
              <Radio value="manifestly-unfounded" label="Manifestly unfounded" aria-invalid={form.fields.ground ? true : undefined} />
              <Radio value="repetitive" label="Repetitive" />
            </Stack>
          </Radio.Group>
          <Textarea
            label="Reason"
            description="The requester is emailed this reason."
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            maxLength={2000}
            autosize
            minRows={3}
            error={form.fields.reason}
            aria-invalid={form.fields.reason ? true : undefined}
            required
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={busy}>
              Cancel
            </Button>
            <Button type="submit" color="red" loading={busy}>
              Refuse
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
