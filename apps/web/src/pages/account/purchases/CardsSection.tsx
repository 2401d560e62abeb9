import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCreditCard } from '@tabler/icons-react';
import { useState } from 'react';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { PageLoader } from '../../../components/RequireAuth';
import { Section } from '../../../components/Section';
import { cardExpiry, type LinkedCard, useCards, useRemoveCard } from '../../../lib/purchases';

const describe = (card: LinkedCard) => `Card ending ${card.last4}`;

/** ACC-7: the card stays with the store provider; Steward shows what little it keeps, and lets it go. */
export function CardsSection() {
  const cards = useCards();
  const remove = useRemoveCard();
  const [removing, setRemoving] = useState<LinkedCard | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function confirm() {
    if (!removing) return;
    setError(null);
    try {
      await remove.mutateAsync(removing.id);
      notifications.show({ message: `${describe(removing)} is removed.` });
      setRemoving(null);
    } catch (err) {
      setError((err as Error).message);
    }
  }

  return (
    <Section
      id="cards"
      title="Linked cards"
      description="Your card is held by our store provider. We keep only its expiry date, its last four digits and the store's reference to it, so that you can recognise it and renewals can be charged to it."
    >
      {cards.isPending && <PageLoader label="Loading your cards" />}
      {cards.error && (
        <Alert color="red" variant="light" role="alert">
          {cards.error.message}
        </Alert>
      )}
      {cards.data?.length === 0 && <Text size="sm">No card is linked. You can link one when you buy.</Text>}
      {cards.data && cards.data.length > 0 && (
        <Stack gap="sm" component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-label="Your linked cards" data-testid="cards">
          {cards.data.map((card) => (
            <Group key={card.id} component="li" justify="space-between" wrap="nowrap" gap="sm">
              <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
                <IconCreditCard size={22} aria-hidden color="var(--mantine-color-dimmed)" style={{ flexShrink: 0 }} />
                <div style={{ minWidth: 0 }}>
                  <Text size="sm" fw={500} ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                    •••• {card.last4}
                  </Text>
                  <Text size="xs" c="dimmed">
                    Expires {cardExpiry(card)}
                  </Text>
                </div>
              </Group>
              <Button
                variant="subtle"
                color="red"
                size="compact-sm"
                onClick={() => setRemoving(card)}
                aria-label={`Remove ${describe(card)}`}
                style={{ flexShrink: 0 }}
              >
                Remove
              </Button>
            </Group>
          ))}
        </Stack>
      )}
      <ConfirmModal
        opened={removing !== null}
        title="Remove this card?"
        confirmLabel="Remove card"
        color="red"
        busy={remove.isPending}
        error={error}
        onConfirm={() => void confirm()}
        onClose={() => {
          setRemoving(null);
          setError(null);
        }}
      >
        <Text size="sm">
          {removing ? `•••• ${removing.last4}` : ''} is unlinked and we delete what we kept of it. Automatic renewals then cannot be paid until you link a card
          again with your next purchase.
        </Text>
      </ConfirmModal>
    </Section>
  );
}
