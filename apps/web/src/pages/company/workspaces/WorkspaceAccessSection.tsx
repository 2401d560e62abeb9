import { Alert, Button, Group, Select, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { useFormProblem } from '../../../components/FormProblem';
import { PageLoader } from '../../../components/RequireAuth';
import { Section } from '../../../components/Section';
import { LabelledTd } from '../../../components/StackTable';
import type { Member } from '../../../lib/company';
import { useConfirmedAction } from '../../../lib/use-confirmed-action';
import {
  atLeast,
  personLabel,
  useRemoveWorkspaceMember,
  useSetWorkspaceRole,
  useWorkspaceMembers,
  WORKSPACE_ROLE_LABELS,
  WORKSPACE_ROLES,
  type Workspace,
  type WorkspaceMember,
  type WorkspaceRole,
} from '../../../lib/workspaces';

interface Props {
  workspace: Workspace;
  /** The company's members, which only company administrators may read. */
  people: Member[] | undefined;
}

/** Only an owner hands out or takes away the owner role. */
const rolesFor = (caller: WorkspaceRole) =>
  WORKSPACE_ROLES.filter((r) => r.value !== 'owner' || caller === 'owner').map((r) => ({ value: r.value, label: r.label }));

function AddPersonForm({ workspace, people, taken }: Props & { taken: string[] }) {
  const [userId, setUserId] = useState<string | null>(null);
  const [role, setRole] = useState<string | null>('viewer');
  const setMemberRole = useSetWorkspaceRole(workspace.id);
  const form = useFormProblem();
  const candidates = (people ?? []).filter((p) => !taken.includes(p.userId));

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    form.clear();
    if (!userId) return form.setFieldError('userId', 'Choose a colleague.');
    try {
      await setMemberRole.mutateAsync({ userId, role: role as WorkspaceRole });
      setUserId(null);
      notifications.show({ color: 'green', message: `${personLabel(people, userId).name} now has access to the workspace.` });
    } catch (err) {
      form.setProblem(err);
    }
  }

  if (!people) {
    return (
      <Text size="sm" c="dimmed">
        A company administrator gives colleagues access to this workspace.
      </Text>
    );
  }
  return (
    <>
      {form.alert}
      <form ref={form.formRef} onSubmit={submit} noValidate aria-label="Give a colleague access">
        <Group align="flex-start" gap="sm" wrap="wrap">
          <Select
            label="Colleague"
            placeholder={candidates.length > 0 ? 'Choose a colleague' : 'Every colleague has access'}
            searchable
            data={candidates.map((p) => ({ value: p.userId, label: p.name ? `${p.name} (${p.email})` : p.email }))}
            value={userId}
            onChange={setUserId}
            error={form.fields.userId}
            style={{ flex: '2 1 14rem' }}
          />
          <Select label="Role" data={rolesFor(workspace.role)} value={role} onChange={setRole} allowDeselect={false} style={{ flex: '1 1 9rem' }} />
          <Button type="submit" loading={setMemberRole.isPending} mt={{ base: 0, xs: 25 }}>
            Give access
          </Button>
        </Group>
      </form>
    </>
  );
}

function MemberRow({ member, workspace, people, onRemove }: Props & { member: WorkspaceMember; onRemove?: () => void }) {
  const setMemberRole = useSetWorkspaceRole(workspace.id);
  const person = personLabel(people, member.userId);
  const mayChange = atLeast(workspace.role, 'admin') && (member.role !== 'owner' || workspace.role === 'owner');
  async function change(role: string | null) {
    if (!role || role === member.role) return;
    try {
      await setMemberRole.mutateAsync({ userId: member.userId, role: role as WorkspaceRole });
      notifications.show({ color: 'green', message: `${person.name} is now ${WORKSPACE_ROLE_LABELS[role as WorkspaceRole].toLowerCase()}.` });
    } catch (err) {
      notifications.show({ color: 'red', message: err instanceof Error ? err.message : 'The role was not changed.' });
    }
  }
  return (
    <Table.Tr>
      <LabelledTd label="Person">
        <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
          {person.name}
        </Text>
        {person.detail && (
          <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {person.detail}
          </Text>
        )}
      </LabelledTd>
      <LabelledTd label="Role">
        {mayChange ? (
          <Select
            size="xs"
            aria-label={`Role of ${person.name}`}
            data={rolesFor(workspace.role)}
            value={member.role}
            onChange={change}
            allowDeselect={false}
            disabled={setMemberRole.isPending}
            w={130}
          />
        ) : (
          <Text size="sm">{WORKSPACE_ROLE_LABELS[member.role]}</Text>
        )}
      </LabelledTd>
      {onRemove && (
        <LabelledTd label="Actions">
          {mayChange && (
            <Button size="compact-sm" variant="light" color="red" onClick={onRemove} aria-label={`Remove ${person.name}’s access`}>
              Remove
            </Button>
          )}
        </LabelledTd>
      )}
    </Table.Tr>
  );
}

/** WS-1: who may do what in the workspace; owners and admins give, change and take away roles. */
export function WorkspaceAccessSection({ workspace, people }: Props) {
  const members = useWorkspaceMembers(workspace.id);
  const remove = useRemoveWorkspaceMember(workspace.id);
  const manager = atLeast(workspace.role, 'admin');
  const { pending, error, ask, close, confirm } = useConfirmedAction(async (member: WorkspaceMember) => {
    await remove.mutateAsync(member.userId);
    return `${personLabel(people, member.userId).name} no longer has access to the workspace.`;
  });
  return (
    <Section
      id="workspace-access"
      title="Access"
      description="Viewers see the devices; operators also enroll devices; admins also manage access; owners also delete the workspace. Company administrators act as admins in every workspace."
    >
      <Stack gap="md">
        {members.isPending && <PageLoader label="Loading who has access" />}
        {members.error && (
          <Alert color="red" variant="light" role="alert" title="The access rights could not be loaded">
            {members.error.message}
          </Alert>
        )}
        {members.data && (
          <Table className="stack-table" striped aria-label="Access rights" data-testid="workspace-members">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Person</Table.Th>
                <Table.Th>Role</Table.Th>
                {manager && <Table.Th>Actions</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {members.data.map((m) => (
                <MemberRow key={m.userId} member={m} workspace={workspace} people={people} onRemove={manager ? () => ask(m) : undefined} />
              ))}
            </Table.Tbody>
          </Table>
        )}
        {manager && members.data && <AddPersonForm workspace={workspace} people={people} taken={members.data.map((m) => m.userId)} />}
      </Stack>
      <ConfirmModal
        opened={pending !== null}
        title="Remove access"
        confirmLabel="Remove"
        color="red"
        busy={remove.isPending}
        error={error}
        onConfirm={confirm}
        onClose={close}
      >
        <Text size="sm">{pending ? personLabel(people, pending.userId).name : ''} no longer sees this workspace or its devices.</Text>
      </ConfirmModal>
    </Section>
  );
}
