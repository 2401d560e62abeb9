import { ActionIcon, Alert, Button, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { Section } from '../../../components/Section';
import { LabelledTd } from '../../../components/StackTable';
import { ApiError, fieldName } from '../../../lib/problem';
import { type Department, type RoutingRule, useDepartments, useRoutingRules, useSaveRoutingRules } from '../../../lib/staff-support';
import { useSupportOptions } from '../../../lib/support';

const ANY = '';
const LICENSE_KINDS = [
  { value: ANY, label: 'Any' },
  { value: 'subscription', label: 'Subscription' },
  { value: 'trial', label: 'Trial' },
  { value: 'perpetual', label: 'Perpetual' },
  { value: 'business', label: 'Business' },
];

/** A row being edited: a key that survives reordering, and "" for a condition left open. */
interface Draft {
  key: string;
  departmentId: string;
  licenseKind: string;
  productId: string;
  country: string;
  language: string;
}

let nextKey = 0;
const toDraft = (r: RoutingRule): Draft => ({
  key: r.id ?? `new-${nextKey++}`,
  departmentId: r.departmentId,
  licenseKind: r.licenseKind ?? ANY,
  productId: r.productId ?? ANY,
  country: r.country ?? '',
  language: r.language ?? '',
});
const orNull = (v: string) => (v.trim() === '' ? null : v.trim());
const toRule = (d: Draft): RoutingRule => ({
  departmentId: d.departmentId,
  licenseKind: orNull(d.licenseKind),
  productId: orNull(d.productId),
  country: orNull(d.country)?.toUpperCase() ?? null,
  language: orNull(d.language)?.toLowerCase() ?? null,
});

function RuleRow({
  rule,
  index,
  count,
  departments,
  products,
  onChange,
  onMove,
  onRemove,
}: {
  rule: Draft;
  index: number;
  count: number;
  departments: Department[];
  products: { value: string; label: string }[];
  onChange: (patch: Partial<Draft>) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const n = index + 1;
  return (
    <Table.Tr data-testid="routing-rule">
      <LabelledTd label="Order" className="num">
        {n}
      </LabelledTd>
      <LabelledTd label="Department">
        <Select
          aria-label={`Rule ${n}: department`}
          data={departments.map((d) => ({ value: d.id, label: d.name }))}
          value={rule.departmentId || null}
          onChange={(v) => onChange({ departmentId: v ?? '' })}
          allowDeselect={false}
          size="xs"
          placeholder="Choose"
          miw={150}
          comboboxProps={{ width: 'max-content' }}
        />
      </LabelledTd>
      <LabelledTd label="License kind">
        <Select
          aria-label={`Rule ${n}: license kind`}
          data={LICENSE_KINDS}
          value={rule.licenseKind}
          onChange={(v) => onChange({ licenseKind: v ?? ANY })}
          allowDeselect={false}
          size="xs"
          miw={100}
        />
      </LabelledTd>
      <LabelledTd label="Product">
        <Select
          aria-label={`Rule ${n}: product`}
          data={[{ value: ANY, label: 'Any' }, ...products]}
          value={rule.productId}
          onChange={(v) => onChange({ productId: v ?? ANY })}
          allowDeselect={false}
          size="xs"
          miw={130}
          comboboxProps={{ width: 'max-content' }}
        />
      </LabelledTd>
      <LabelledTd label="Country">
        <TextInput
          aria-label={`Rule ${n}: country`}
          placeholder="Any"
          maxLength={2}
          value={rule.country}
          onChange={(e) => onChange({ country: e.currentTarget.value })}
          size="xs"
          w={48}
        />
      </LabelledTd>
      <LabelledTd label="Language">
        <TextInput
          aria-label={`Rule ${n}: language`}
          placeholder="Any"
          maxLength={8}
          value={rule.language}
          onChange={(e) => onChange({ language: e.currentTarget.value })}
          size="xs"
          w={48}
        />
      </LabelledTd>
      <LabelledTd label="Actions">
        <Group gap={4} wrap="nowrap">
          <ActionIcon size={24} variant="default" aria-label={`Move rule ${n} up`} disabled={index === 0} onClick={() => onMove(-1)}>
            <IconArrowUp size={14} aria-hidden />
          </ActionIcon>
          <ActionIcon size={24} variant="default" aria-label={`Move rule ${n} down`} disabled={index === count - 1} onClick={() => onMove(1)}>
            <IconArrowDown size={14} aria-hidden />
          </ActionIcon>
          <ActionIcon size={24} variant="default" color="red" aria-label={`Remove rule ${n}`} onClick={onRemove}>
            <IconTrash size={14} aria-hidden />
          </ActionIcon>
        </Group>
      </LabelledTd>
    </Table.Tr>
  );
}

function saveError(err: unknown): string {
  if (!(err instanceof ApiError)) return String(err);
  const first = err.fieldErrors[0];
  // A field path such as /rules/2/country names the row by its index.
  const row = first?.field.match(/rules[./](\d+)/)?.[1];
  if (first && row !== undefined) return `Rule ${Number(row) + 1}: ${fieldName(first.field)} ${first.message}`;
  return err.message;
}

/** SUP-3: the first rule whose every set condition matches sends a request to its department. */
export function RoutingRulesSection() {
  const rules = useRoutingRules();
  const departments = useDepartments();
  const options = useSupportOptions();
  const save = useSaveRoutingRules();
  const [drafts, setDrafts] = useState<Draft[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (rules.data) setDrafts([...rules.data].sort((a, b) => (a.position ?? 0) - (b.position ?? 0)).map(toDraft));
  }, [rules.data]);

  const update = (i: number, patch: Partial<Draft>) => setDrafts((ds) => ds.map((d, j) => (j === i ? { ...d, ...patch } : d)));
  const move = (i: number, by: -1 | 1) =>
    setDrafts((ds) => {
      const next = [...ds];
      [next[i], next[i + by]] = [next[i + by], next[i]];
      return next;
    });
  const add = () =>
    setDrafts((ds) => [...ds, toDraft({ departmentId: departments.data?.[0]?.id ?? '', licenseKind: null, productId: null, country: null, language: null })]);

  async function submit() {
    setError(null);
    const missing = drafts.findIndex((d) => !d.departmentId);
    if (missing >= 0) return setError(`Rule ${missing + 1}: choose a department.`);
    try {
      await save.mutateAsync(drafts.map(toRule));
      notifications.show({ color: 'green', message: 'The routing rules are saved.' });
    } catch (err) {
      setError(saveError(err));
    }
  }

  const products = (options.data?.products ?? []).map((p) => ({ value: p.id, label: p.name }));
  return (
    <Section
      id="routing-rules"
      title="Routing rules"
      description="Tried from the top; the first rule whose conditions all match picks the department. A request no rule matches goes to the default department."
    >
      <Stack gap="md">
        {rules.error && (
          <Alert color="red" variant="light" role="alert">
            {rules.error.message}
          </Alert>
        )}
        {drafts.length === 0 ? (
          <Text size="sm" c="dimmed">
            No rules: every request goes to the default department.
          </Text>
        ) : (
          <Table className="stack-table" aria-label="Routing rules" verticalSpacing="xs" horizontalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th className="num">#</Table.Th>
                <Table.Th>Department</Table.Th>
                <Table.Th>License kind</Table.Th>
                <Table.Th>Product</Table.Th>
                <Table.Th>Country</Table.Th>
                <Table.Th>Language</Table.Th>
                <Table.Th>Actions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {drafts.map((d, i) => (
                <RuleRow
                  key={d.key}
                  rule={d}
                  index={i}
                  count={drafts.length}
                  departments={departments.data ?? []}
                  products={products}
                  onChange={(patch) => update(i, patch)}
                  onMove={(by) => move(i, by)}
                  onRemove={() => setDrafts((ds) => ds.filter((_, j) => j !== i))}
                />
              ))}
            </Table.Tbody>
          </Table>
        )}
        {error && (
          <Alert color="red" variant="light" role="alert" p="xs">
            {error}
          </Alert>
        )}
        <Group gap="sm">
          <Button variant="default" leftSection={<IconPlus size={16} aria-hidden />} onClick={add} disabled={!departments.data?.length}>
            Add rule
          </Button>
          <Button onClick={() => void submit()} loading={save.isPending}>
            Save rules
          </Button>
        </Group>
      </Stack>
    </Section>
  );
}
