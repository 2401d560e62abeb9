import { and, eq } from 'drizzle-orm';
import type { Deps } from '../../../platform/deps.ts';
import { Problem, problems } from '../../../platform/errors.ts';
import { storeCheckout } from '../schema.ts';
import { TEST_STORE_ID } from './test-store-provider.ts';

export type OpenCheckout = typeof storeCheckout.$inferSelect;

/** The caller's own unpaid, unexpired checkout at the test store; anyone else's is not found. */
export async function openCheckout(deps: Pick<Deps, 'db' | 'clock'>, userId: string, checkoutId: string): Promise<OpenCheckout> {
  const [checkout] = await deps.db
    .select()
    .from(storeCheckout)
    .where(and(eq(storeCheckout.id, checkoutId), eq(storeCheckout.userId, userId), eq(storeCheckout.provider, TEST_STORE_ID)));
  if (!checkout || checkout.renewalKey) throw problems.notFound('checkout');
  if (checkout.status !== 'open') throw new Problem(409, 'checkout-closed', 'This checkout is already paid');
  if (checkout.expiresAt <= deps.clock.now()) throw new Problem(410, 'checkout-expired', 'This checkout has expired; start the purchase again');
  return checkout;
}
