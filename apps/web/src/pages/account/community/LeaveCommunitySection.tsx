import { Button, Group, List, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { isCancelled } from '../../../components/FreshSignIn';
import { Section } from '../../../components/Section';
import { useLeaveCommunity } from '../../../lib/community';
import { formatDateTime } from '../../../lib/format';

type Run = <T>(action: () => Promise<T>) => Promise<T>;

function WhatHappens() {
  return (
    <List size="sm" spacing={4}>
      <List.Item>Your profile, posts and comments are hidden from everyone at once.</List.Item>
      <List.Item>They are purged within 24 hours, together with the comments others wrote on your posts.</List.Item>
      <List.Item>Your Steward account, licenses and devices stay as they are.</List.Item>
      <List.Item>You can join again with a new profile once the purge is done.</List.Item>
    </List>
  );
}

/** COMM-4: ending the community account; the server may ask for a fresh sign-in first. */
export function LeaveCommunitySection({ run, onLeft }: { run: Run; onLeft: (purgeBy: string) => void }) {
  const [opened, setOpened] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const leave = useLeaveCommunity();

  function close() {
    setOpened(false);
    setError(null);
  }

  async function confirm() {
    setError(null);
    try {
      const { purgeBy } = await leave.mutateAsync(run);
      close();
      onLeft(purgeBy);
      notifications.show({
        color: 'green',
        message: `Your community account is deleted. Everything you wrote is hidden now and purged by ${formatDateTime(purgeBy)}.`,
      });
    } catch (err) {
      if (isCancelled(err)) return;
      setError(err instanceof Error ? err.message : 'Something went wrong. Please try again.');
    }
  }

  return (
    <Section id="leave-community" title="Delete my community account" description="Only your community account ends; you stay signed in.">
      <WhatHappens />
      <Group mt="md">
        <Button color="red" variant="outline" onClick={() => setOpened(true)}>
          Delete my community account
        </Button>
      </Group>
      <ConfirmModal
        opened={opened}
        title="Delete your community account?"
        confirmLabel="Delete it"
        color="red"
        busy={leave.isPending}
        error={error}
        onConfirm={() => void confirm()}
        onClose={close}
      >
        <Text size="sm">This cannot be undone.</Text>
        <WhatHappens />
      </ConfirmModal>
    </Section>
  );
}
