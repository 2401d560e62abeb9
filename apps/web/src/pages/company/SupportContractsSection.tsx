import { Alert, Badge, Button, Group, MultiSelect, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useFormProblem } from '../../components/FormProblem';
import { PageLoader } from '../../components/RequireAuth';
import { Section } from '../../components/Section';
import { LabelledTd } from '../../components/StackTable';
import { authClient } from '../../lib/auth';
import { type Member, useMembers } from '../../lib/company';
import { formatDate } from '../../lib/rights';
import {
  personLabel,
  SUPPORT_LEVEL_LABELS,
  type SupportContract,
  type SupportLevel,
  useCreateSupportContract,
  useSupportContracts,
} from '../../lib/workspaces';

const LEVELS = Object.entries(SUPPORT_LEVEL_LABELS).map(([value, label]) => ({ value, label }));
/** A date field's day, read as the start of that day in UTC so every reader sees the same period. */
const dayStart = (day: string) => `${day}T00:00:00.000Z`;

/** ORG-5: an administrator records a bought contract and names who may use it; only those named see it. */
function RecordContractForm({ people }: { people: Member[] }) {
  const [product, setProduct] = useState('');
  const [level, setLevel] = useState<string | null>('standard');
  const [startsAt, setStartsAt] = useState('');
  const [endsAt, setEndsAt] = useState('');
  const [authorised, setAuthorised] = useState<string[]>([]);
  const create = useCreateSupportContract();
  const form = useFormProblem();

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    form.clear();
    if (!product.trim()) return form.setFieldError('product', 'Enter the product the contract covers.');
    if (!startsAt) return form.setFieldError('startsAt', 'Enter the first day.');
    if (!endsAt || endsAt <= startsAt) return form.setFieldError('endsAt', 'Enter a last day after the first.');
    if (authorised.length === 0) return form.setFieldError('authorised', 'Name at least one colleague.');
    try {
      await create.mutateAsync({ product: product.trim(), level: level as SupportLevel, startsAt: dayStart(startsAt), endsAt: dayStart(endsAt), authorised });
      setProduct('');
      setAuthorised([]);
      notifications.show({ color: 'green', message: 'The contract is recorded. Only the people it names see it.' });
    } catch (err) {
      form.setProblem(err);
    }
  }

  return (
    <>
      {form.alert}
      <form ref={form.formRef} onSubmit={submit} noValidate aria-label="Record a support contract">
        <Stack gap="sm">
          <Group align="flex-start" gap="sm" wrap="wrap">
            <TextInput
              label="Product"
              maxLength={100}
              value={product}
              onChange={(e) => setProduct(e.currentTarget.value)}
              error={form.fields.product}
              style={{ flex: '2 1 14rem' }}
            />
            <Select label="Level" data={LEVELS} value={level} onChange={setLevel} allowDeselect={false} style={{ flex: '1 1 9rem' }} />
          </Group>
          <Group align="flex-start" gap="sm" wrap="wrap">
            <TextInput
              type="date"
              label="From"
              value={startsAt}
              onChange={(e) => setStartsAt(e.currentTarget.value)}
              error={form.fields.startsAt}
              style={{ flex: '1 1 10rem' }}
            />
            <TextInput
              type="date"
              label="Until"
              value={endsAt}
              onChange={(e) => setEndsAt(e.currentTarget.value)}
              error={form.fields.endsAt}
              style={{ flex: '1 1 10rem' }}
            />
          </Group>
          <MultiSelect
            label="People it names"
            description="Only they see the contract and may ask for support under it."
            searchable
            data={people.map((p) => ({ value: p.userId, label: p.name ? `${p.name} (${p.email})` : p.email }))}
            value={authorised}
            onChange={setAuthorised}
            error={form.fields.authorised}
            maxValues={50}
          />
          <Group>
            <Button type="submit" loading={create.isPending}>
              Record contract
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}

function ContractTable({ contracts, people, self }: { contracts: SupportContract[]; people: Member[] | undefined; self: string | undefined }) {
  const named = (userId: string) => (userId === self ? 'You' : personLabel(people, userId).name);
  return (
    <Table className="stack-table" striped aria-label="Support contracts" data-testid="support-contracts">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Product</Table.Th>
          <Table.Th>Period</Table.Th>
          <Table.Th>Named people</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {contracts.map((c) => (
          <Table.Tr key={c.id}>
            <LabelledTd label="Product">
              <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                {c.product}
              </Text>
              <Badge variant="light" mt={4}>
                {SUPPORT_LEVEL_LABELS[c.level]}
              </Badge>
            </LabelledTd>
            <LabelledTd label="Period">
              <Text size="sm">
                {formatDate(c.startsAt)} – {formatDate(c.endsAt)}
              </Text>
            </LabelledTd>
            <LabelledTd label="Named people">
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {c.authorised.map(named).join(', ')}
              </Text>
            </LabelledTd>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/**
 * ORG-5: the support contracts naming the caller. Members not named on any see nothing of this
 * section; administrators always see it, to record contracts.
 */
export function SupportContractsSection({ administrator }: { administrator: boolean }) {
  const contracts = useSupportContracts();
  const people = useMembers(administrator);
  const { data: session } = authClient.useSession();
  if (!administrator && !contracts.data?.length) return null;
  return (
    <Section id="support-contracts" title="Support contracts" description="The support contracts that name you.">
      <Stack gap="md">
        {contracts.isPending && <PageLoader label="Loading the support contracts" />}
        {contracts.error && (
          <Alert color="red" variant="light" role="alert" title="The support contracts could not be loaded">
            {contracts.error.message}
          </Alert>
        )}
        {contracts.data?.length === 0 && (
          <Text size="sm" c="dimmed">
            No support contract names you.
          </Text>
        )}
        {contracts.data && contracts.data.length > 0 && <ContractTable contracts={contracts.data} people={people.data} self={session?.user.id} />}
        {administrator && people.data && <RecordContractForm people={people.data} />}
      </Stack>
    </Section>
  );
}
