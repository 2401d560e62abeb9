import { Button, Group, Select, Stack, Switch, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useFormProblem } from '../../../components/FormProblem';
import { useCannedReplies, useStaffReply } from '../../../lib/staff-support';

/** An answer to the customer, or a note only staff see; canned replies insert their text. */
export function StaffReplyForm({ requestId }: { requestId: string }) {
  const [body, setBody] = useState('');
  const [internal, setInternal] = useState(false);
  const reply = useStaffReply(requestId);
  const canned = useCannedReplies();
  const form = useFormProblem();

  function insert(id: string | null) {
    const picked = canned.data?.find((c) => c.id === id);
    if (!picked) return;
    setBody((current) => (current.trim() ? `${current.trimEnd()}\n\n${picked.body}` : picked.body));
  }

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    form.clear();
    if (!body.trim()) return form.setFieldError('body', internal ? 'Write the note first.' : 'Write the answer first.');
    try {
      await reply.mutateAsync({ body: body.trim(), internal });
      setBody('');
      setInternal(false);
    } catch (err) {
      form.setProblem(err);
    }
  }

  return (
    <form ref={form.formRef} onSubmit={submit} noValidate aria-label="Answer">
      {form.alert}
      <Stack gap="sm">
        {canned.data && canned.data.length > 0 && (
          <Select
            label="Insert a canned reply"
            placeholder="Choose a reply"
            data={canned.data.map((c) => ({ value: c.id, label: c.title }))}
            value={null}
            onChange={insert}
            searchable
            maw={360}
          />
        )}
        <Textarea
          label={internal ? 'Internal note' : 'Answer to the customer'}
          description={internal ? 'Only staff see this note.' : 'The customer reads this here and by email.'}
          autosize
          minRows={4}
          maxLength={10000}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          error={form.fields.body}
          aria-invalid={form.fields.body ? true : undefined}
          styles={internal ? { input: { background: 'var(--mantine-color-yellow-light)' } } : undefined}
        />
        <Group justify="space-between" gap="sm">
          <Switch label="Internal note" checked={internal} onChange={(e) => setInternal(e.currentTarget.checked)} />
          <Button type="submit" loading={reply.isPending} color={internal ? 'yellow' : undefined}>
            {internal ? 'Add note' : 'Send answer'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
