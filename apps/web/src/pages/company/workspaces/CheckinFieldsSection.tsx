import { Alert, Code, Table, Text } from '@mantine/core';
import { PageLoader } from '../../../components/RequireAuth';
import { Section } from '../../../components/Section';
import { LabelledTd } from '../../../components/StackTable';
import { type CheckinField, useCheckinFields } from '../../../lib/workspaces';

const counted = (n: number | string, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const LIMIT_LABELS: Record<string, (value: number | string) => string> = {
  minLength: (v) => `at least ${counted(v, 'character', 'characters')}`,
  maxLength: (v) => `at most ${counted(v, 'character', 'characters')}`,
  minimum: (v) => `at least ${v}`,
  maximum: (v) => `at most ${v}`,
  minItems: (v) => `at least ${counted(v, 'entry', 'entries')}`,
  maxItems: (v) => `at most ${counted(v, 'entry', 'entries')}`,
  pattern: (v) => `matches ${v}`,
};

function limitsText(field: CheckinField): string {
  const parts = Object.entries(field.limits).map(([keyword, value]) => LIMIT_LABELS[keyword]?.(value) ?? `${keyword} ${value}`);
  if (field.allowed) parts.unshift(`one of ${field.allowed.join(', ')}`);
  return parts.length > 0 ? parts.join('; ') : '—';
}

/** WS-2: what a managed device reports, read from the check-in schema itself so this list cannot drift from what is stored. */
export function CheckinFieldsSection() {
  const fields = useCheckinFields();
  return (
    <Section
      id="checkin-fields"
      title="What managed devices send"
      description="At each check-in a device sends these fields and nothing else; anything more, such as its location, is refused."
    >
      {fields.isPending && <PageLoader label="Loading the fields" />}
      {fields.error && (
        <Alert color="red" variant="light" role="alert" title="The list could not be loaded">
          {fields.error.message}
        </Alert>
      )}
      {fields.data && (
        <Table className="stack-table" striped aria-label="What managed devices send" data-testid="checkin-fields">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Field</Table.Th>
              <Table.Th>Type</Table.Th>
              <Table.Th>Description</Table.Th>
              <Table.Th>Limits</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {fields.data.map((f) => (
              <Table.Tr key={f.name}>
                <LabelledTd label="Field">
                  <Code style={{ whiteSpace: 'nowrap' }}>{f.name}</Code>
                  {!f.required && (
                    <Text size="xs" c="dimmed">
                      optional
                    </Text>
                  )}
                </LabelledTd>
                <LabelledTd label="Type">
                  <Text size="sm">{f.type}</Text>
                </LabelledTd>
                <LabelledTd label="Description">
                  <Text size="sm">{f.description ?? '—'}</Text>
                </LabelledTd>
                <LabelledTd label="Limits">
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {limitsText(f)}
                  </Text>
                </LabelledTd>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Section>
  );
}
