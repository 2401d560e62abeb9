import { ActionIcon, Alert, Button, Card, Group, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useFormProblem } from '../../../components/FormProblem';
import { Section } from '../../../components/Section';
import { type CannedReply, useAddCannedReply, useCannedReplies, useDeleteCannedReply, useDepartments } from '../../../lib/staff-support';

const EVERY_DEPARTMENT = 'all';

const departmentName = (reply: CannedReply) => reply.department?.name ?? 'Every department';

function AddCannedReplyForm() {
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [departmentId, setDepartmentId] = useState(EVERY_DEPARTMENT);
  const departments = useDepartments();
  const add = useAddCannedReply();
  const form = useFormProblem();

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    form.clear();
    try {
      await add.mutateAsync({ title: title.trim(), body: body.trim(), departmentId: departmentId === EVERY_DEPARTMENT ? null : departmentId });
      setTitle('');
      setBody('');
    } catch (err) {
      form.setProblem(err);
    }
  }

  return (
    <form ref={form.formRef} onSubmit={submit} noValidate aria-label="Add a canned reply">
      {form.alert}
      <Stack gap="sm">
        <Group align="flex-start" gap="sm" grow preventGrowOverflow={false} wrap="wrap">
          <TextInput label="Title" value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={form.fields.title} maxLength={100} miw={200} />
          <Select
            label="For"
            data={[{ value: EVERY_DEPARTMENT, label: 'Every department' }, ...(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))]}
            value={departmentId}
            onChange={(v) => setDepartmentId(v ?? EVERY_DEPARTMENT)}
            allowDeselect={false}
            miw={200}
          />
        </Group>
        <Textarea label="Text" autosize minRows={3} maxLength={10000} value={body} onChange={(e) => setBody(e.currentTarget.value)} error={form.fields.body} />
        <Group>
          <Button type="submit" loading={add.isPending}>
            Add canned reply
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Texts agents insert into an answer with one click. */
export function CannedRepliesSection() {
  const replies = useCannedReplies();
  const remove = useDeleteCannedReply();
  return (
    <Section id="canned-replies" title="Canned replies">
      <Stack gap="md">
        {(replies.error || remove.error) && (
          <Alert color="red" variant="light" role="alert">
            {replies.error?.message ?? remove.error?.message}
          </Alert>
        )}
        {replies.data?.length === 0 && (
          <Text size="sm" c="dimmed">
            No canned replies yet.
          </Text>
        )}
        {replies.data?.map((r) => (
          <Card key={r.id} withBorder padding="sm" component="article" aria-label={r.title}>
            <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
              <div style={{ minWidth: 0 }}>
                <Text size="sm" fw={600}>
                  {r.title}
                </Text>
                <Text size="xs" c="dimmed">
                  {departmentName(r)}
                </Text>
              </div>
              <ActionIcon variant="default" color="red" aria-label={`Delete ${r.title}`} onClick={() => remove.mutate(r.id)}>
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Group>
            <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} lineClamp={4}>
              {r.body}
            </Text>
          </Card>
        ))}
        <AddCannedReplyForm />
      </Stack>
    </Section>
  );
}
