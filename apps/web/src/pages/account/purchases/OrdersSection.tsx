import { Alert, Badge, Table, Text } from '@mantine/core';
import { PageLoader } from '../../../components/RequireAuth';
import { Section } from '../../../components/Section';
import { LabelledTd } from '../../../components/StackTable';
import { maskedCode } from '../../../lib/licenses';
import { formatPrice, type Order } from '../../../lib/purchases';
import { formatDate } from '../../../lib/rights';

const NOWRAP = { whiteSpace: 'nowrap' } as const;

const STATUS: Record<Order['status'], { label: string; color: string }> = {
  paid: { label: 'Paid', color: 'green' },
  refunded: { label: 'Refunded', color: 'gray' },
};

function Items({ order }: { order: Order }) {
  return (
    <>
      {order.items.map((item) => (
        <Text key={`${item.licenseTypeId}-${item.renewsLicenseId ?? ''}`} size="sm">
          {item.quantity > 1 ? `${item.quantity} × ` : ''}
          {item.name}
          {item.renewsLicenseId ? ' (renewal)' : ''}
        </Text>
      ))}
    </>
  );
}

/** ACC-6: every order placed at the web store. */
export function OrdersSection({ orders, error, isPending }: { orders: Order[] | undefined; error: Error | null; isPending: boolean }) {
  return (
    <Section id="orders" title="Order history" description="Your orders from our web store. Keep the store's receipt email as your invoice.">
      {isPending && <PageLoader label="Loading your orders" />}
      {error && (
        <Alert color="red" variant="light" role="alert">
          {error.message}
        </Alert>
      )}
      {orders?.length === 0 && <Text size="sm">You have not bought anything yet.</Text>}
      {orders && orders.length > 0 && (
        <Table.ScrollContainer minWidth={0}>
          <Table className="stack-table" striped aria-labelledby="orders-title" data-testid="orders">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Date</Table.Th>
                <Table.Th>Items</Table.Th>
                <Table.Th className="num">Total</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Licenses</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {orders.map((order) => (
                <Table.Tr key={order.id}>
                  <LabelledTd label="Date" style={NOWRAP}>
                    {formatDate(order.placedAt)}
                  </LabelledTd>
                  <LabelledTd label="Items">
                    <Items order={order} />
                  </LabelledTd>
                  <LabelledTd label="Total" className="num">
                    {formatPrice(order.totalCents, order.currency)}
                  </LabelledTd>
                  <LabelledTd label="Status">
                    <Badge variant="light" color={STATUS[order.status]?.color ?? 'gray'} miw="max-content">
                      {STATUS[order.status]?.label ?? order.status}
                    </Badge>
                  </LabelledTd>
                  <LabelledTd label="Licenses">
                    {order.licenses.length === 0
                      ? '—'
                      : order.licenses.map((l) => (
                          <Text key={l.id} size="sm" ff="monospace" style={NOWRAP}>
                            {maskedCode(l.codeLastGroup)}
                          </Text>
                        ))}
                  </LabelledTd>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Section>
  );
}
