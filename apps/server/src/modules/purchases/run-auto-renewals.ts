import { eq } from 'drizzle-orm';
import type { Deps } from '../../platform/deps.ts';
import { licensesToAutoRenew } from '../licenses/auto-renew.ts';
import { licenseTypeOf } from '../licenses/catalogue.ts';
import { licenseViews } from '../licenses/license-view.ts';
import { isRestricted } from '../privacy/rights/restriction.ts';
import { cardToCharge } from './payment-cards.ts';
import { purchaseMessages } from './purchase-messages.ts';
import { type OrderItem, storeCheckout } from './schema.ts';
import type { StoreProvider } from './store-provider.ts';
import { totalOf } from './store-provider.ts';
import type { Store } from './store-providers.ts';

/** A day and a half ahead, so a daily run that starts a little late still sees every term before it ends. */
export const AUTO_RENEW_AHEAD_MS = 36 * 60 * 60 * 1000;

interface Due {
  licenseId: string;
  userId: string;
  typeId: string;
  expiresAt: Date;
}

type Attempt = { id: string; status: 'open' | 'paid' | 'failed'; fresh: boolean };

/** One attempt per license term: the key makes a rerun find the first attempt instead of starting a second. */
async function claimAttempt(deps: Pick<Deps, 'db' | 'clock'>, key: string, values: Omit<typeof storeCheckout.$inferInsert, 'renewalKey'>): Promise<Attempt> {
  const [fresh] = await deps.db
    .insert(storeCheckout)
    .values({ ...values, renewalKey: key })
    .onConflictDoNothing({ target: storeCheckout.renewalKey })
    .returning({ id: storeCheckout.id, status: storeCheckout.status });
  if (fresh) return { ...fresh, fresh: true };
  const [earlier] = await deps.db.select({ id: storeCheckout.id, status: storeCheckout.status }).from(storeCheckout).where(eq(storeCheckout.renewalKey, key));
  return { ...earlier, fresh: false };
}

async function renewOne(deps: Deps, provider: StoreProvider, due: Due): Promise<'charged' | 'no-card' | 'skipped'> {
  if (await isRestricted(deps, due.userId)) return 'skipped';
  const [license] = await licenseViews(deps, due.userId, due.licenseId);
  const offer = await licenseTypeOf(deps, due.typeId);
  if (!license || !offer) return 'skipped';
  const name = `${offer.productName}, ${offer.name}`;
  const items: OrderItem[] = [{ licenseTypeId: offer.id, name, quantity: 1, unitPriceCents: offer.priceCents, renewsLicenseId: due.licenseId }];
  const card = await cardToCharge(deps, due.userId, provider.id);
  const key = `${due.licenseId}:${due.expiresAt.toISOString()}`;
  const attempt = await claimAttempt(deps, key, {
    userId: due.userId,
    provider: provider.id,
    items,
    totalCents: totalOf(items),
    currency: offer.currency,
    saveCard: false,
    status: card ? 'open' : 'failed',
    createdAt: deps.clock.now(),
    expiresAt: due.expiresAt,
  });
  if (!card) {
    if (attempt.fresh) await purchaseMessages(deps).autoRenewalNotRun(due.userId, name, license.codeLastGroup, due.expiresAt);
    return 'no-card';
  }
  if (attempt.status !== 'open') return 'skipped';
  // A rerun repeats a charge whose webhook never came; the provider takes the same key as the same charge.
  await provider.chargeSavedCard({ checkoutId: attempt.id, userId: due.userId, cardRef: card.ref, items, currency: offer.currency, idempotencyKey: key });
  return 'charged';
}

/**
 * LIC-2: only licenses whose owner turned auto-renewal on are charged, on the card they saved,
 * once per term; without a card the owner is told instead. A restricted account (RIGHT-6) is
 * neither charged nor mailed.
 */
export async function runAutoRenewals(deps: Deps, store: Store): Promise<Record<'charged' | 'no-card' | 'skipped' | 'failed', number>> {
  const counts = { charged: 0, 'no-card': 0, skipped: 0, failed: 0 };
  const provider = store.active;
  if (!provider) return counts;
  const due = await licensesToAutoRenew(deps, new Date(deps.clock.now().getTime() + AUTO_RENEW_AHEAD_MS));
  for (const row of due) {
    if (!row.userId || !row.expiresAt) continue;
    try {
      counts[await renewOne(deps, provider, { ...row, userId: row.userId, expiresAt: row.expiresAt })]++;
    } catch (error) {
      counts.failed++;
      deps.log.error({ licenseId: row.licenseId, reason: error instanceof Error ? error.name : 'unknown' }, 'auto-renewal failed');
    }
  }
  return counts;
}
