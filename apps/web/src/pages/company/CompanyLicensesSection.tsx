import { Alert, Badge, Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { ConfirmModal } from '../../components/ConfirmModal';
import { useFormProblem } from '../../components/FormProblem';
import { PageLoader } from '../../components/RequireAuth';
import { Section } from '../../components/Section';
import { LabelledTd } from '../../components/StackTable';
import { type CompanyRole, isAdministrator, mayAddLicenses, useAddCompanyLicense, useCompanyLicenses, useRemoveCompanyLicense } from '../../lib/company';
import { type License, maskedCode, STATUS_COLORS, STATUS_LABELS, seatsLabel } from '../../lib/licenses';
import { ApiError, fieldName } from '../../lib/problem';
import { formatDate } from '../../lib/rights';
import { useConfirmedAction } from '../../lib/use-confirmed-action';

const KNOWN_REFUSALS: Record<string, string> = {
  'license-not-found': 'We do not know this code. Check it against your order email.',
  'license-already-owned': 'This license is already in an account or another company.',
  'license-revoked': 'This license was revoked.',
};

/** LIC-4: administrators and license managers add a license to the company by its code. */
function AddCompanyLicense() {
  const [code, setCode] = useState('');
  const add = useAddCompanyLicense();
  const form = useFormProblem();

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    form.clear();
    if (!code.trim()) return form.setFieldError('code', 'Enter the activation code.');
    try {
      const license = await add.mutateAsync(code);
      setCode('');
      notifications.show({ color: 'green', message: `${license.product.name} (${maskedCode(license.codeLastGroup)}) belongs to the company.` });
    } catch (err) {
      const known = err instanceof ApiError && err.code ? KNOWN_REFUSALS[err.code] : undefined;
      const about = err instanceof ApiError ? err.fieldErrors.find((f) => fieldName(f.field) === 'code') : undefined;
      if (known) form.setFieldError('code', known);
      else if (about) form.setFieldError('code', `This code ${about.message}.`);
      else form.setProblem(err);
    }
  }

  return (
    <>
      {form.alert}
      <form ref={form.formRef} onSubmit={submit} noValidate aria-label="Add a license to the company">
        <Group align="flex-start" gap="sm" wrap="wrap">
          <TextInput
            label="Activation code"
            placeholder="XXXXX-XXXXX-XXXXX-XXXXX-XXXXX"
            name="code"
            autoComplete="off"
            spellCheck={false}
            maxLength={64}
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            error={form.fields.code}
            style={{ flex: '1 1 16rem' }}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          />
          <Button type="submit" loading={add.isPending} mt={{ base: 0, xs: 25 }}>
            Add license
          </Button>
        </Group>
      </form>
    </>
  );
}

function LicenseTable({ licenses, onRemove }: { licenses: License[]; onRemove?: (license: License) => void }) {
  return (
    <Table className="stack-table" striped aria-label="The company’s licenses" data-testid="company-licenses">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Product</Table.Th>
          <Table.Th>Status</Table.Th>
          <Table.Th>Devices</Table.Th>
          <Table.Th>Valid until</Table.Th>
          {onRemove && <Table.Th>Actions</Table.Th>}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {licenses.map((license) => (
          <Table.Tr key={license.id}>
            <LabelledTd label="Product">
              <Text size="sm" fw={600}>
                {license.product.name}
              </Text>
              <Text size="xs" c="dimmed" ff="monospace">
                {maskedCode(license.codeLastGroup)}
              </Text>
            </LabelledTd>
            <LabelledTd label="Status">
              <Badge variant="light" color={STATUS_COLORS[license.status]}>
                {STATUS_LABELS[license.status]}
              </Badge>
            </LabelledTd>
            <LabelledTd label="Devices">
              {license.seatsUsed} of {seatsLabel(license.type.seats)}
            </LabelledTd>
            <LabelledTd label="Valid until" style={{ whiteSpace: 'nowrap' }}>
              {license.expiresAt ? formatDate(license.expiresAt) : 'No end date'}
            </LabelledTd>
            {onRemove && (
              <LabelledTd label="Actions">
                <Button
                  size="compact-sm"
                  variant="light"
                  color="red"
                  onClick={() => onRemove(license)}
                  aria-label={`Remove ${license.product.name} ${maskedCode(license.codeLastGroup)}`}
                >
                  Remove
                </Button>
              </LabelledTd>
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** ORG-4: every member sees the company's licenses; only administrators remove them. */
export function CompanyLicensesSection({ role }: { role: CompanyRole }) {
  const licenses = useCompanyLicenses();
  const remove = useRemoveCompanyLicense();
  const {
    pending,
    error,
    ask: setPending,
    close,
    confirm,
  } = useConfirmedAction(async (license: License) => {
    await remove.mutateAsync(license.id);
    return `${license.product.name} no longer belongs to the company.`;
  });

  return (
    <Section id="company-licenses" title="Licenses" description="The company’s licenses, which every member sees.">
      <Stack gap="md">
        {licenses.isPending && <PageLoader label="Loading the company’s licenses" />}
        {licenses.error && (
          <Alert color="red" variant="light" role="alert" title="The licenses could not be loaded">
            {licenses.error.message}
          </Alert>
        )}
        {licenses.data?.length === 0 && (
          <Text size="sm" c="dimmed">
            The company has no licenses yet.
          </Text>
        )}
        {licenses.data && licenses.data.length > 0 && <LicenseTable licenses={licenses.data} onRemove={isAdministrator(role) ? setPending : undefined} />}
        {mayAddLicenses(role) && <AddCompanyLicense />}
      </Stack>
      <ConfirmModal
        opened={pending !== null}
        title="Remove the license from the company"
        confirmLabel="Remove"
        color="red"
        busy={remove.isPending}
        error={error}
        onConfirm={confirm}
        onClose={close}
      >
        <Text size="sm">
          {pending?.product.name} ({pending ? maskedCode(pending.codeLastGroup) : ''}) no longer belongs to the company: the devices using it are released, and
          whoever holds its code can add it again.
        </Text>
      </ConfirmModal>
    </Section>
  );
}
