import { Button, Group, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { useFormProblem } from '../../../components/FormProblem';
import { Section } from '../../../components/Section';
import { type NewRequest, type SupportOptions, useCreateRequest } from '../../../lib/support';

const NO_LICENSE = '';

interface Draft {
  subject: string;
  productId: string;
  licenseId: string;
  licenseNumber: string;
  hardware: string;
  software: string;
  description: string;
  contactEmail: string;
}

const EMPTY: Draft = { subject: '', productId: '', licenseId: NO_LICENSE, licenseNumber: '', hardware: '', software: '', description: '', contactEmail: '' };

/** What the customer left empty, named at the field before any round trip. */
function missingFields(draft: Draft): Record<string, string> {
  const missing: Record<string, string> = {};
  if (!draft.subject.trim()) missing.subject = 'Name the problem in a few words.';
  if (!draft.productId) missing.productId = 'Choose the product the request is about.';
  if (!draft.hardware.trim()) missing.hardware = 'Describe the computer or device.';
  if (!draft.software.trim()) missing.software = 'Name the operating system and other software involved.';
  if (!draft.description.trim()) missing.description = 'Describe what happens and what you expected.';
  return missing;
}

function toRequest(draft: Draft): NewRequest {
  return {
    subject: draft.subject.trim(),
    productId: draft.productId,
    ...(draft.licenseId ? { licenseId: draft.licenseId } : draft.licenseNumber.trim() ? { licenseNumber: draft.licenseNumber.trim() } : {}),
    hardware: draft.hardware.trim(),
    software: draft.software.trim(),
    description: draft.description.trim(),
    ...(draft.contactEmail.trim() ? { contactEmail: draft.contactEmail.trim() } : {}),
  };
}

/** SUP-1: a request names the product, the license, the hardware and software, and the problem. */
export function NewRequestForm({ options }: { options: SupportOptions }) {
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const create = useCreateRequest();
  const form = useFormProblem();
  const navigate = useNavigate();

  useEffect(() => {
    setDraft((d) => (d.contactEmail ? d : { ...d, contactEmail: options.email }));
  }, [options.email]);

  const set = (field: keyof Draft) => (value: string) => setDraft((d) => ({ ...d, [field]: value }));
  const text = (field: keyof Draft) => ({
    name: field,
    value: draft[field],
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => set(field)(e.currentTarget.value),
    error: form.fields[field],
    'aria-invalid': form.fields[field] ? true : undefined,
  });

  const licenses = options.licenses.filter((l) => !draft.productId || l.productId === draft.productId);

  function chooseLicense(licenseId: string | null) {
    const license = options.licenses.find((l) => l.id === licenseId);
    setDraft((d) => ({
      ...d,
      licenseId: licenseId ?? NO_LICENSE,
      productId: license?.productId ?? d.productId,
      licenseNumber: license ? '' : d.licenseNumber,
    }));
  }

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    form.clear();
    const missing = missingFields(draft);
    const first = Object.keys(missing)[0];
    if (first) return form.setProblem({ errors: Object.entries(missing).map(([field, message]) => ({ field, message })) });
    try {
      const created = await create.mutateAsync(toRequest(draft));
      navigate(`/account/support/${created.id}`);
    } catch (err) {
      form.setProblem(err);
    }
  }

  return (
    <Section id="new-request" title="New request" description="Tell us what happens. An agent of the team for your product answers by email and on this page.">
      {form.alert}
      <form ref={form.formRef} onSubmit={submit} noValidate aria-label="New request">
        <Stack gap="md">
          <TextInput label="Subject" required maxLength={200} autoComplete="off" {...text('subject')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <Select
              label="Product"
              required
              name="productId"
              placeholder="Choose a product"
              data={options.products.map((p) => ({ value: p.id, label: p.name }))}
              value={draft.productId || null}
              onChange={(value) => setDraft((d) => ({ ...d, productId: value ?? '', licenseId: NO_LICENSE }))}
              error={form.fields.productId}
              aria-invalid={form.fields.productId ? true : undefined}
              allowDeselect={false}
            />
            <Select
              label="License"
              name="licenseId"
              placeholder={licenses.length === 0 ? 'No license of yours for this product' : 'Not one of mine'}
              data={licenses.map((l) => ({ value: l.id, label: l.label }))}
              value={draft.licenseId || null}
              onChange={chooseLicense}
              error={form.fields.licenseId}
              disabled={licenses.length === 0}
              clearable
            />
          </SimpleGrid>
          {!draft.licenseId && (
            <TextInput
              label="License number"
              description="If the license is not in your account: the number on your invoice or the code's last group."
              maxLength={64}
              autoComplete="off"
              spellCheck={false}
              {...text('licenseNumber')}
            />
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <Textarea label="Hardware" required description="Model, processor, memory" autosize minRows={2} maxLength={2000} {...text('hardware')} />
            <Textarea label="Software" required description="Operating system, product version" autosize minRows={2} maxLength={2000} {...text('software')} />
          </SimpleGrid>
          <Textarea
            label="Description"
            required
            description="What happens, since when, and what you already tried"
            autosize
            minRows={4}
            maxLength={10000}
            {...text('description')}
          />
          <TextInput
            label="Contact email"
            type="email"
            description="Where we send the answers"
            maxLength={254}
            autoComplete="email"
            {...text('contactEmail')}
          />
          <Group>
            <Button type="submit" loading={create.isPending}>
              Send request
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}
