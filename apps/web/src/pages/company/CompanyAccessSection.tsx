import { Alert, Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import { ConfirmModal } from '../../components/ConfirmModal';
import { Section } from '../../components/Section';
import { type Company, isAdministrator, useLeaveCompany, useSetBlocked } from '../../lib/company';

/** ORG-3: an administrator blocks (or unblocks) the whole company; personal accounts keep working. */
export function BlockCompanySection({ company }: { company: Company }) {
  const setBlocked = useSetBlocked();
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const blocking = !company.blocked;

  async function confirm() {
    try {
      await setBlocked.mutateAsync(blocking);
      notifications.show({ color: 'green', message: blocking ? `${company.name} is blocked.` : `${company.name} is unblocked.` });
      setAsking(false);
    } catch (err) {
      setError(err instanceof Error ? err.message : 'Something went wrong. Please try again.');
    }
  }

  return (
    <Section
      id="company-block"
      title={blocking ? 'Block the company' : 'Unblock the company'}
      description={
        blocking
          ? 'Nobody, you included, can use the company’s pages, licenses or settings until an administrator unblocks it. Everyone’s personal account keeps working.'
          : 'Members can use the company’s pages, licenses and settings again.'
      }
    >
      <Group>
        <Button color={blocking ? 'red' : 'blue'} variant={blocking ? 'light' : 'filled'} onClick={() => setAsking(true)}>
          {blocking ? 'Block company' : 'Unblock company'}
        </Button>
      </Group>
      <ConfirmModal
        opened={asking}
        title={blocking ? `Block ${company.name}` : `Unblock ${company.name}`}
        confirmLabel={blocking ? 'Block company' : 'Unblock company'}
        color={blocking ? 'red' : 'blue'}
        busy={setBlocked.isPending}
        error={error}
        onConfirm={confirm}
        onClose={() => {
          setAsking(false);
          setError(null);
        }}
      >
        <Text size="sm">
          {blocking
            ? 'Every member loses access to the company’s pages and licenses at once. Their personal accounts stay as they are. You can unblock the company here.'
            : 'Every member gets access to the company again.'}
        </Text>
      </ConfirmModal>
    </Section>
  );
}

/** What a member of a blocked company sees instead of the company: the rest stays hidden (ORG-3). */
export function BlockedBanner({ company }: { company: Company }) {
  return (
    <Alert color="red" variant="light" icon={<IconLock aria-hidden />} title={`${company.name} is blocked`} data-testid="company-blocked">
      {isAdministrator(company.role)
        ? 'An administrator blocked the company: its members cannot use its pages or licenses. Your personal account keeps working. You can unblock it below.'
        : 'An administrator blocked the company: you cannot use its pages or licenses until it is unblocked. Your personal account keeps working.'}
    </Alert>
  );
}

/** A member leaves; whoever registered the company stays (the server refuses). */
export function LeaveCompanySection({ company }: { company: Company }) {
  const leave = useLeaveCompany();
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (company.role === 'owner') return null;

  async function confirm() {
    try {
      await leave.mutateAsync(undefined);
      notifications.show({ color: 'green', message: `You left ${company.name}.` });
    } catch (err) {
      setError(err instanceof Error ? err.message : 'Something went wrong. Please try again.');
    }
  }

  return (
    <Section id="leave-company" title="Leave the company" description="Your personal account, its licenses and requests stay yours.">
      <Group>
        <Button variant="default" onClick={() => setAsking(true)}>
          Leave company
        </Button>
      </Group>
      <ConfirmModal
        opened={asking}
        title={`Leave ${company.name}`}
        confirmLabel="Leave company"
        color="red"
        busy={leave.isPending}
        error={error}
        onConfirm={confirm}
        onClose={() => {
          setAsking(false);
          setError(null);
        }}
      >
        <Text size="sm">You no longer see the company’s licenses. To come back, an administrator invites you again.</Text>
      </ConfirmModal>
    </Section>
  );
}
