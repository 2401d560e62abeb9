import { Alert, Button, Card, Checkbox, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { PageLoader } from '../../../components/RequireAuth';
import { Section } from '../../../components/Section';
import { KIND_LABELS, seatsLabel, termLabel } from '../../../lib/licenses';
import { formatPrice, type Offer, startCheckout, useOffers } from '../../../lib/purchases';

function OfferCard({ offer, busy, onBuy }: { offer: Offer; busy: boolean; onBuy: () => void }) {
  const term = termLabel(offer.termDays);
  const titleId = `offer-${offer.id}-title`;
  return (
    <Card withBorder padding="md" component="article" aria-labelledby={titleId} data-testid="offer">
      <Stack gap="xs" h="100%">
        <Text fw={600} id={titleId}>
          {offer.name}
        </Text>
        <Text size="sm" c="dimmed">
          {[KIND_LABELS[offer.kind], seatsLabel(offer.seats), term ?? 'no end date'].join(' · ')}
        </Text>
        <Group justify="space-between" align="center" mt="auto" gap="xs">
          <Text fw={700} size="lg" data-testid="offer-price">
            {offer.priceCents === 0 ? 'Free' : formatPrice(offer.priceCents, offer.currency)}
          </Text>
          <Button onClick={onBuy} loading={busy} aria-label={`Buy ${offer.productName}, ${offer.name}`}>
            Buy
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** The offers of each product under its name, in the order the store lists them. */
function byProduct(offers: Offer[]): [string, Offer[]][] {
  const groups = new Map<string, Offer[]>();
  for (const offer of offers) groups.set(offer.productName, [...(groups.get(offer.productName) ?? []), offer]);
  return [...groups];
}

/** The store: an order is placed only when the user presses Buy and pays on the store's page (ACC-7). */
export function BuySection() {
  const offers = useOffers();
  const [saveCard, setSaveCard] = useState(false);
  const [buying, setBuying] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function buy(offer: Offer) {
    setError(null);
    setBuying(offer.id);
    try {
      await startCheckout({ licenseTypeId: offer.id, saveCard });
    } catch (err) {
      setBuying(null);
      setError((err as Error).message);
    }
  }

  return (
    <Section
      id="buy"
      title="Buy a license"
      description="You pay on our store provider's page and come back here; the new license appears on your Licenses page."
    >
      {offers.isPending && <PageLoader label="Loading the offers" />}
      {(offers.error || error) && (
        <Alert color="red" variant="light" role="alert" mb="md">
          {error ?? offers.error?.message}
        </Alert>
      )}
      {offers.data?.length === 0 && <Text size="sm">Nothing is on sale at the moment.</Text>}
      {offers.data && offers.data.length > 0 && (
        <Stack gap="lg">
          <Checkbox
            label="Keep my card linked for renewals"
            description="The store keeps the card; we keep only its expiry date, last four digits and the store's reference. You can remove it below at any time."
            checked={saveCard}
            onChange={(e) => setSaveCard(e.currentTarget.checked)}
          />
          {byProduct(offers.data).map(([productName, productOffers]) => (
            <Stack key={productName} gap="xs">
              <Title order={3} size="h5">
                {productName}
              </Title>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                {productOffers.map((offer) => (
                  <OfferCard key={offer.id} offer={offer} busy={buying === offer.id} onBuy={() => void buy(offer)} />
                ))}
              </SimpleGrid>
            </Stack>
          ))}
        </Stack>
      )}
    </Section>
  );
}
