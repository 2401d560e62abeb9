import { Button, Group, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useFormProblem } from '../../components/FormProblem';
import { communityProblem, POST_BODY_MAX, POST_RULES, type PostInput, TITLE_MAX, TITLE_MIN } from '../../lib/community';

/** What the writer left out or made too short, named at the field before any round trip. */
function check(input: PostInput): Record<string, string> {
  const problems: Record<string, string> = {};
  if (input.title.length < TITLE_MIN) problems.title = POST_RULES.title;
  if (!input.body) problems.body = POST_RULES.body;
  return problems;
}

/** A post's title and text, for a new post and for editing one. */
export function PostForm({
  label,
  initial = { title: '', body: '' },
  submitLabel,
  busy,
  onSubmit,
  onCancel,
}: {
  label: string;
  initial?: PostInput;
  submitLabel: string;
  busy: boolean;
  onSubmit: (input: PostInput) => Promise<unknown>;
  onCancel: () => void;
}) {
  const [title, setTitle] = useState(initial.title);
  const [body, setBody] = useState(initial.body);
  const form = useFormProblem();

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    form.clear();
    const input = { title: title.trim(), body: body.trim() };
    const problems = check(input);
    if (Object.keys(problems).length > 0) return form.setProblem({ errors: Object.entries(problems).map(([field, message]) => ({ field, message })) });
    try {
      await onSubmit(input);
    } catch (err) {
      form.setProblem(communityProblem(err, POST_RULES));
    }
  }

  return (
    <form ref={form.formRef} onSubmit={submit} noValidate aria-label={label}>
      {form.alert}
      <Stack gap="md">
        <TextInput
          label="Title"
          name="title"
          required
          autoComplete="off"
          maxLength={TITLE_MAX}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={form.fields.title}
          aria-invalid={form.fields.title ? true : undefined}
        />
        <Textarea
          label="Text"
          name="body"
          required
          autosize
          minRows={6}
          maxLength={POST_BODY_MAX}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          error={form.fields.body}
          aria-invalid={form.fields.body ? true : undefined}
        />
        <Group gap="sm">
          <Button type="submit" loading={busy}>
            {submitLabel}
          </Button>
          <Button variant="default" onClick={onCancel} disabled={busy}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
