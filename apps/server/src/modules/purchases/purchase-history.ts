import { desc, eq } from 'drizzle-orm';
import type { Deps } from '../../platform/deps.ts';
import { storeOrder } from './schema.ts';

export const HISTORY_LIMIT = 200;

export interface PurchaseView {
  id: string;
  placedAt: string;
  status: 'paid' | 'refunded';
  totalCents: number;
  currency: string;
  items: { licenseTypeId: string; name: string; quantity: number; renewsLicenseId: string | null }[];
  licenses: { id: string; codeLastGroup: string }[];
}

/** The user's orders from the web store, newest first (ACC-6). */
export async function purchaseHistory(deps: Pick<Deps, 'db'>, userId: string): Promise<PurchaseView[]> {
  const rows = await deps.db.select().from(storeOrder).where(eq(storeOrder.userId, userId)).orderBy(desc(storeOrder.placedAt)).limit(HISTORY_LIMIT);
  return rows.map((order) => ({
    id: order.id,
    placedAt: order.placedAt.toISOString(),
    status: order.status,
    totalCents: order.totalCents,
    currency: order.currency,
    items: order.items.map((item) => ({
      licenseTypeId: item.licenseTypeId,
      name: item.name,
      quantity: item.quantity,
      renewsLicenseId: item.renewsLicenseId ?? null,
    })),
    licenses: order.licenses.map((license) => ({ id: license.id, codeLastGroup: license.codeLastGroup })),
  }));
}
