import { Stack, Text } from '@mantine/core';
import { PageTitle } from '../../../components/PageTitle';
import { useOrders } from '../../../lib/purchases';
import { BuySection } from './BuySection';
import { CardsSection } from './CardsSection';
import { OrdersSection } from './OrdersSection';

export function PurchasesPage() {
  const orders = useOrders();
  return (
    <Stack gap="lg">
      <PageTitle>Purchases</PageTitle>
      <Text>Buy licenses, see what you have bought, and manage the card linked for renewals.</Text>
      <OrdersSection orders={orders.data} error={orders.error} isPending={orders.isPending} />
      <BuySection />
      <CardsSection />
    </Stack>
  );
}
