import { Alert, Button, Checkbox, Group, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useFormProblem } from '../../../components/FormProblem';
import { Section } from '../../../components/Section';
import { api } from '../../../lib/api';

const CATEGORIES: { value: string; label: string }[] = [
  { value: 'identity', label: 'Identity' },
  { value: 'contact', label: 'Contact details' },
  { value: 'credential', label: 'Sign-in credentials' },
  { value: 'security', label: 'Security records' },
  { value: 'preference', label: 'Preferences' },
  { value: 'consent', label: 'Consents' },
  { value: 'technical', label: 'Technical data' },
  { value: 'communication', label: 'Communication' },
  { value: 'financial', label: 'Financial' },
  { value: 'support', label: 'Support' },
  { value: 'content', label: 'Content' },
];

/** Local "now" in the form a datetime-local input takes. */
function nowLocal(): string {
  const d = new Date();
  d.setSeconds(0, 0);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/** PRIN-4: the register of disclosures the law required; only the DPO records them. */
export function DisclosureSection() {
  const [userId, setUserId] = useState('');
  const [recipient, setRecipient] = useState('');
  const [legalBasis, setLegalBasis] = useState('');
  const [categories, setCategories] = useState<string[]>([]);
  const [disclosedAt, setDisclosedAt] = useState(nowLocal);
  const [secretUntil, setSecretUntil] = useState('');
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const form = useFormProblem();

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    form.clear();
    setSaved(null);
    if (!userId.trim()) return form.setFieldError('userId', 'Enter the id of the person whose data was disclosed.');
    if (recipient.trim().length < 2) return form.setFieldError('recipient', 'Name the authority that received the data.');
    if (legalBasis.trim().length < 5) return form.setFieldError('legalBasis', 'Name the law that required the disclosure.');
    if (categories.length === 0) return form.setFieldError('categories', 'Choose at least one kind of data.');
    const at = new Date(disclosedAt);
    if (!disclosedAt || Number.isNaN(at.getTime())) return form.setFieldError('disclosedAt', 'Enter when the data was disclosed.');
    if (at > new Date()) return form.setFieldError('disclosedAt', 'This must not be in the future.');
    const body: Record<string, unknown> = {
      userId: userId.trim(),
      recipient: recipient.trim(),
      legalBasis: legalBasis.trim(),
      categories,
      disclosedAt: at.toISOString(),
    };
    if (secretUntil) body.secretUntil = new Date(`${secretUntil}T23:59:59`).toISOString();
    setBusy(true);
    try {
      const res = await api.post<{ id: string }>('/api/staff/disclosures', body);
      setSaved(res.id);
      setRecipient('');
      setLegalBasis('');
      setCategories([]);
      setSecretUntil('');
      setDisclosedAt(nowLocal());
    } catch (err) {
      form.setProblem(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Section
      id="disclosure"
      title="Record disclosure"
      description="When the law made us hand a person's data to an authority, record it here. The person sees it in their export, unless the law forbids telling them yet."
    >
      {saved && (
        <Alert color="green" variant="light" role="status" mb="md" title="Disclosure recorded">
          Reference {saved}.
        </Alert>
      )}
      {form.alert}
      <form ref={form.formRef} onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput
            label="Person id"
            value={userId}
            onChange={(e) => setUserId(e.currentTarget.value)}
            maxLength={100}
            required
            error={form.fields.userId}
            aria-invalid={form.fields.userId ? true : undefined}
          />
          <TextInput
            label="Recipient"
            description="The authority, e.g. “Tax office Vienna”."
            value={recipient}
            onChange={(e) => setRecipient(e.currentTarget.value)}
            maxLength={200}
            required
            error={form.fields.recipient}
            aria-invalid={form.fields.recipient ? true : undefined}
          />
          <Textarea
            label="Legal basis"
            description="The law, and the order or request, that required it."
            value={legalBasis}
            onChange={(e) => setLegalBasis(e.currentTarget.value)}
            maxLength={1000}
            autosize
            minRows={2}
            required
            error={form.fields.legalBasis}
            aria-invalid={form.fields.legalBasis ? true : undefined}
          />
          <Checkbox.Group label="Kinds of data disclosed" value={categories} onChange={setCategories} required error={form.fields.categories}>
            <SimpleGrid cols={{ base: 1, xs: 2, sm: 3 }} spacing={6} mt={6}>
              {CATEGORIES.map((c) => (
                <Checkbox key={c.value} value={c.value} label={c.label} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
            <TextInput
              type="datetime-local"
              label="Disclosed at"
              value={disclosedAt}
              onChange={(e) => setDisclosedAt(e.currentTarget.value)}
              max={nowLocal()}
              required
              error={form.fields.disclosedAt}
              aria-invalid={form.fields.disclosedAt ? true : undefined}
            />
            <TextInput
              type="date"
              label="Keep secret until"
              description="Optional: the date until which the law forbids telling the person."
              value={secretUntil}
              onChange={(e) => setSecretUntil(e.currentTarget.value)}
              error={form.fields.secretUntil}
              aria-invalid={form.fields.secretUntil ? true : undefined}
            />
          </SimpleGrid>
          <Group>
            <Button type="submit" loading={busy}>
              Record disclosure
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}
