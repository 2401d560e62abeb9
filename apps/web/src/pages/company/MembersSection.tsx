import { Alert, Button, Group, Table, Text } from '@mantine/core';
import { ConfirmModal } from '../../components/ConfirmModal';
import { PageLoader } from '../../components/RequireAuth';
import { Section } from '../../components/Section';
import { LabelledTd } from '../../components/StackTable';
import { authClient } from '../../lib/auth';
import { type Member, ROLE_LABELS, useHandOver, useMembers, useRemoveMember, useSendResetLink } from '../../lib/company';
import { formatDate } from '../../lib/rights';
import { useConfirmedAction } from '../../lib/use-confirmed-action';
import { EditMemberModal } from './EditMemberModal';

type Action = 'edit' | 'reset' | 'remove' | 'hand-over';
type Pending = { action: Action; member: Member } | null;

const who = (m: Member) => m.name || m.email;

function MemberActions({ member, self, owner, onPick }: { member: Member; self: boolean; owner: boolean; onPick: (action: Action) => void }) {
  return (
    <Group gap={6} wrap="wrap">
      <Button size="compact-sm" variant="default" onClick={() => onPick('edit')} aria-label={`Edit ${who(member)}`}>
        Edit
      </Button>
      {!self && (
        <Button size="compact-sm" variant="default" onClick={() => onPick('reset')} aria-label={`Send ${who(member)} a password-reset link`}>
          Reset password
        </Button>
      )}
      {!self && owner && (
        <Button size="compact-sm" variant="default" onClick={() => onPick('hand-over')} aria-label={`Hand the company over to ${who(member)}`}>
          Make owner
        </Button>
      )}
      {!self && member.role !== 'owner' && (
        <Button size="compact-sm" variant="light" color="red" onClick={() => onPick('remove')} aria-label={`Remove ${who(member)}`}>
          Remove
        </Button>
      )}
    </Group>
  );
}

/** ORG-3: the company's members and an administrator's work on their accounts. */
export function MembersSection() {
  const members = useMembers(true);
  const reset = useSendResetLink();
  const remove = useRemoveMember();
  const handOver = useHandOver();
  const { data: session } = authClient.useSession();
  const iAmOwner = members.data?.some((m) => m.userId === session?.user.id && m.role === 'owner') ?? false;
  const {
    pending,
    error,
    ask: setPending,
    close,
    confirm,
  } = useConfirmedAction(async ({ action, member }: NonNullable<Pending>) => {
    if (action === 'reset') {
      await reset.mutateAsync(member.id);
      return `${who(member)} gets an email with a link to set a new password.`;
    }
    if (action === 'hand-over') {
      await handOver.mutateAsync(member.id);
      return `${who(member)} is now the company’s owner; you stay an administrator.`;
    }
    await remove.mutateAsync(member.id);
    return `${who(member)} is no longer a member.`;
  });

  return (
    <Section id="members" title="Members" description="Edit a colleague’s name, language or role, send them a link to set a new password, or remove them.">
      {members.isPending && <PageLoader label="Loading the members" />}
      {members.error && (
        <Alert color="red" variant="light" role="alert" title="The members could not be loaded">
          {members.error.message}
        </Alert>
      )}
      {members.data && (
        <Table className="stack-table" striped aria-label="Members" data-testid="company-members">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Role</Table.Th>
              <Table.Th>Joined</Table.Th>
              <Table.Th>Actions</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {members.data.map((m) => (
              <Table.Tr key={m.id}>
                <LabelledTd label="Name">
                  <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                    {m.name || '—'}
                  </Text>
                  <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                    {m.email}
                  </Text>
                </LabelledTd>
                <LabelledTd label="Role">
                  <Text size="sm">{ROLE_LABELS[m.role] ?? m.role}</Text>
                </LabelledTd>
                <LabelledTd label="Joined" style={{ whiteSpace: 'nowrap' }}>
                  {formatDate(m.joinedAt)}
                </LabelledTd>
                <LabelledTd label="Actions">
                  <MemberActions member={m} self={m.userId === session?.user.id} owner={iAmOwner} onPick={(action) => setPending({ action, member: m })} />
                </LabelledTd>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {pending?.action === 'edit' && <EditMemberModal member={pending.member} onClose={close} />}
      <ConfirmModal
        opened={pending?.action === 'reset'}
        title="Send a password-reset link"
        confirmLabel="Send link"
        busy={reset.isPending}
        error={error}
        onConfirm={confirm}
        onClose={close}
      >
        <Text size="sm">{pending ? who(pending.member) : ''} gets an email with a link to set a new password. You never see or set their password.</Text>
      </ConfirmModal>
      <ConfirmModal
        opened={pending?.action === 'hand-over'}
        title="Hand the company over"
        confirmLabel="Make owner"
        busy={handOver.isPending}
        error={error}
        onConfirm={confirm}
        onClose={close}
      >
        <Text size="sm">
          {pending ? who(pending.member) : ''} becomes the company’s owner and an administrator. You stay an administrator, and may then leave the company or
          delete your account.
        </Text>
      </ConfirmModal>
      <ConfirmModal
        opened={pending?.action === 'remove'}
        title="Remove a member"
        confirmLabel="Remove"
        color="red"
        busy={remove.isPending}
        error={error}
        onConfirm={confirm}
        onClose={close}
      >
        <Text size="sm">{pending ? who(pending.member) : ''} leaves the company and no longer sees its licenses. Their personal account stays theirs.</Text>
      </ConfirmModal>
    </Section>
  );
}
