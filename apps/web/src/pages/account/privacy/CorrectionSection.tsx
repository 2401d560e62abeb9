import { Alert, Anchor, Button, Group, Select, Stack, Text, Textarea } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { useFormProblem } from '../../../components/FormProblem';
import { Section } from '../../../components/Section';
import { api } from '../../../lib/api';
import { fieldLabel, formatDate } from '../../../lib/rights';

const MAX = 2000;

export function CorrectionSection() {
  const queryClient = useQueryClient();
  const fields = useQuery({
    queryKey: ['rights', 'correction-fields'],
    queryFn: () => api.get<{ fields: string[] }>('/api/privacy/corrections/fields'),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const [field, setField] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState<{ dueAt: string } | null>(null);
  const form = useFormProblem();

  const all = (fields.data?.fields ?? []).map((f) => ({ value: f, label: fieldLabel(f) })).sort((a, b) => a.label.localeCompare(b.label));
  const options = [
    { group: 'Your account', items: all.filter((o) => o.value.startsWith('users.')) },
    { group: 'Other records', items: all.filter((o) => !o.value.startsWith('users.')) },
  ].filter((g) => g.items.length > 0);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    form.clear();
    setSent(null);
    if (!field) return form.setFieldError('field', 'Choose what should be corrected.');
    if (!text.trim()) return form.setFieldError('text', 'Say what is wrong and what it should be.');
    setBusy(true);
    try {
      const res = await api.post<{ requestId: string; dueAt: string }>('/api/privacy/corrections', { field, text: text.trim() });
      setSent({ dueAt: res.dueAt });
      setText('');
      setField(null);
      void queryClient.invalidateQueries({ queryKey: ['rights', 'requests'] });
    } catch (err) {
      form.setProblem(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Section
      id="correction"
      title="Ask for a correction"
      description={
        <>
          Your name, language and country you can change yourself on the{' '}
          <Anchor component={Link} to="/account" size="sm">
            Profile page
          </Anchor>
          . For anything else that is wrong, tell us here and our data protection officer corrects it.
        </>
      }
    >
      {sent && (
        <Alert color="green" variant="light" role="status" mb="md" title="Your request is sent">
          We answer by {formatDate(sent.dueAt)} at the latest. You can follow it in the request history below.
        </Alert>
      )}
      {form.alert}
      <form ref={form.formRef} onSubmit={submit} noValidate>
        <Stack gap="md">
          <Select
            label="What is wrong"
            placeholder={fields.isPending ? 'Loading…' : 'Choose a piece of your data'}
            data={options}
            value={field}
            onChange={setField}
            searchable
            nothingFoundMessage="No such field"
            error={form.fields.field}
            aria-invalid={form.fields.field ? true : undefined}
            comboboxProps={{ withinPortal: true }}
          />
          <Textarea
            label="What it should be, and why"
            description={
              <Text span size="xs" c={text.length > MAX - 100 ? 'orange.8' : 'dimmed'} aria-live="polite">
                {text.length} of {MAX} characters
              </Text>
            }
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            value={text}
            onChange={(e) => setText(e.currentTarget.value.slice(0, MAX))}
            maxLength={MAX}
            autosize
            minRows={3}
            maxRows={10}
            error={form.fields.text}
            aria-invalid={form.fields.text ? true : undefined}
          />
          <Group>
            <Button type="submit" loading={busy} variant="default">
              Send the correction
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}
