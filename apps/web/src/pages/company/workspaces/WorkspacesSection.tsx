import { Alert, Anchor, Badge, Button, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link } from 'react-router';
import { useFormProblem } from '../../../components/FormProblem';
import { PageLoader } from '../../../components/RequireAuth';
import { Section } from '../../../components/Section';
import { LabelledTd } from '../../../components/StackTable';
import { useCompanyLicenses } from '../../../lib/company';
import { maskedCode } from '../../../lib/licenses';
import { formatDate } from '../../../lib/rights';
import { useCreateWorkspace, useWorkspaces, WORKSPACE_ROLE_LABELS, type Workspace } from '../../../lib/workspaces';

/** WS-1: a company administrator opens a workspace on one of the company's running licenses and owns it. */
function CreateWorkspaceForm() {
  const [name, setName] = useState('');
  const [licenseId, setLicenseId] = useState<string | null>(null);
  const licenses = useCompanyLicenses();
  const create = useCreateWorkspace();
  const form = useFormProblem();
  const usable = (licenses.data ?? []).filter((l) => l.status === 'active');

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    form.clear();
    if (!name.trim()) return form.setFieldError('name', 'Enter the workspace’s name.');
    if (!licenseId) return form.setFieldError('licenseId', 'Choose the license the workspace runs on.');
    try {
      const created = await create.mutateAsync({ name: name.trim(), licenseId });
      setName('');
      setLicenseId(null);
      notifications.show({ color: 'green', message: `The workspace ${created.name} is ready; you are its owner.` });
    } catch (err) {
      form.setProblem(err);
    }
  }

  if (licenses.data && usable.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        A workspace runs on a company license. Add an active license on the Licenses tab to create one.
      </Text>
    );
  }
  return (
    <>
      {form.alert}
      <form ref={form.formRef} onSubmit={submit} noValidate aria-label="Create a workspace">
        <Group align="flex-start" gap="sm" wrap="wrap">
          <TextInput
            label="Workspace name"
            name="name"
            maxLength={100}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={form.fields.name}
            style={{ flex: '1 1 14rem' }}
          />
          <Select
            label="Company license"
            placeholder="Choose a license"
            data={usable.map((l) => ({ value: l.id, label: `${l.product.name} ${maskedCode(l.codeLastGroup)}` }))}
            value={licenseId}
            onChange={setLicenseId}
            error={form.fields.licenseId}
            style={{ flex: '1 1 14rem' }}
          />
          <Button type="submit" loading={create.isPending} mt={{ base: 0, xs: 25 }}>
            Create workspace
          </Button>
        </Group>
      </form>
    </>
  );
}

function WorkspaceTable({ workspaces }: { workspaces: Workspace[] }) {
  const licenses = useCompanyLicenses();
  const licenseName = (id: string) => {
    const license = licenses.data?.find((l) => l.id === id);
    return license ? `${license.product.name} ${maskedCode(license.codeLastGroup)}` : '—';
  };
  return (
    <Table className="stack-table" striped aria-label="Workspaces" data-testid="workspaces">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Workspace</Table.Th>
          <Table.Th>Your role</Table.Th>
          <Table.Th>License</Table.Th>
          <Table.Th>Created</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {workspaces.map((w) => (
          <Table.Tr key={w.id}>
            <LabelledTd label="Workspace">
              <Anchor component={Link} to={`/company/workspaces/${w.id}`} fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
                {w.name}
              </Anchor>
            </LabelledTd>
            <LabelledTd label="Your role">
              <Badge variant="light">{WORKSPACE_ROLE_LABELS[w.role]}</Badge>
            </LabelledTd>
            <LabelledTd label="License">
              <Text size="sm">{licenseName(w.licenseId)}</Text>
            </LabelledTd>
            <LabelledTd label="Created" style={{ whiteSpace: 'nowrap' }}>
              {formatDate(w.createdAt)}
            </LabelledTd>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** WS-1: the workspaces the caller has a role in (administrators: all of the company's), and a way to add one. */
export function WorkspacesSection({ administrator }: { administrator: boolean }) {
  const workspaces = useWorkspaces();
  return (
    <Section id="workspaces" title="Workspaces" description="Groups of managed devices, each on a company license, with its own access rights.">
      <Stack gap="md">
        {workspaces.isPending && <PageLoader label="Loading the workspaces" />}
        {workspaces.error && (
          <Alert color="red" variant="light" role="alert" title="The workspaces could not be loaded">
            {workspaces.error.message}
          </Alert>
        )}
        {workspaces.data?.length === 0 && (
          <Text size="sm" c="dimmed">
            {administrator ? 'The company has no workspaces yet.' : 'You have no role in a workspace yet. An administrator of the company can give you one.'}
          </Text>
        )}
        {workspaces.data && workspaces.data.length > 0 && <WorkspaceTable workspaces={workspaces.data} />}
        {administrator && <CreateWorkspaceForm />}
      </Stack>
    </Section>
  );
}
