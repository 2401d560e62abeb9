import { Alert, Button, Group, Select, SimpleGrid, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { ConfirmModal } from '../../components/ConfirmModal';
import { useFormProblem } from '../../components/FormProblem';
import { Section } from '../../components/Section';
import { LabelledTd } from '../../components/StackTable';
import { ASSIGNABLE_ROLES, type AssignableRole, type Invitation, ROLE_LABELS, useInvitations, useInvite, useWithdrawInvitation } from '../../lib/company';
import { formatDateTime } from '../../lib/format';
import { useConfirmedAction } from '../../lib/use-confirmed-action';

function InviteForm() {
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<AssignableRole>('member');
  const invite = useInvite();
  const form = useFormProblem();

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    form.clear();
    const address = email.trim();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address)) return form.setFieldError('email', 'Enter your colleague’s email address.');
    try {
      await invite.mutateAsync({ email: address, role });
      setEmail('');
      notifications.show({ color: 'green', message: `An invitation is on its way to ${address}.` });
    } catch (err) {
      form.setProblem(err);
    }
  }

  return (
    <>
      {form.alert}
      <form ref={form.formRef} onSubmit={submit} noValidate aria-label="Invite a colleague">
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <TextInput
              label="Colleague’s email address"
              name="email"
              type="email"
              autoComplete="off"
              maxLength={254}
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={form.fields.email}
            />
            <Select
              label="Role"
              data={ASSIGNABLE_ROLES}
              value={role}
              onChange={(value) => value && setRole(value as AssignableRole)}
              allowDeselect={false}
              error={form.fields.role}
            />
          </SimpleGrid>
          <Group>
            <Button type="submit" loading={invite.isPending}>
              Send invitation
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}

function InvitationTable({ invitations, onWithdraw }: { invitations: Invitation[]; onWithdraw: (invitation: Invitation) => void }) {
  return (
    <Table className="stack-table" striped aria-label="Open invitations" data-testid="company-invitations">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Email address</Table.Th>
          <Table.Th>Role</Table.Th>
          <Table.Th>Valid until</Table.Th>
          <Table.Th>
            <VisuallyHidden>Actions</VisuallyHidden>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {invitations.map((invitation) => (
          <Table.Tr key={invitation.id}>
            <LabelledTd label="Email">
              <span style={{ overflowWrap: 'anywhere' }}>{invitation.email}</span>
            </LabelledTd>
            <LabelledTd label="Role">{ROLE_LABELS[invitation.role] ?? invitation.role}</LabelledTd>
            <LabelledTd label="Valid until" style={{ whiteSpace: 'nowrap' }}>
              {formatDateTime(invitation.expiresAt)}
            </LabelledTd>
            <LabelledTd label="Actions">
              <Button
                size="compact-sm"
                variant="light"
                color="red"
                onClick={() => onWithdraw(invitation)}
                aria-label={`Withdraw the invitation to ${invitation.email}`}
              >
                Withdraw
              </Button>
            </LabelledTd>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** ORG-2: administrators invite colleagues by address; only that address, verified, may accept. */
export function InvitationsSection() {
  const invitations = useInvitations(true);
  const withdraw = useWithdrawInvitation();
  const {
    pending,
    error,
    ask: setPending,
    close,
    confirm,
  } = useConfirmedAction(async (invitation: Invitation) => {
    await withdraw.mutateAsync(invitation.id);
    return `The invitation to ${invitation.email} is withdrawn.`;
  });

  return (
    <Stack gap="lg">
      <Section id="invite" title="Invite a colleague" description="They get an email with a link that works for 7 days, only for that address.">
        <InviteForm />
      </Section>
      <Section id="invitations" title="Open invitations">
        {invitations.error && (
          <Alert color="red" variant="light" role="alert" title="The invitations could not be loaded">
            {invitations.error.message}
          </Alert>
        )}
        {invitations.data?.length === 0 && (
          <Text size="sm" c="dimmed">
            No invitation is open.
          </Text>
        )}
        {invitations.data && invitations.data.length > 0 && <InvitationTable invitations={invitations.data} onWithdraw={setPending} />}
      </Section>
      <ConfirmModal
        opened={pending !== null}
        title="Withdraw the invitation"
        confirmLabel="Withdraw"
        color="red"
        busy={withdraw.isPending}
        error={error}
        onConfirm={confirm}
        onClose={close}
      >
        <Text size="sm">The link sent to {pending?.email} stops working. You can invite them again later.</Text>
      </ConfirmModal>
    </Stack>
  );
}
