import { and, count, eq, gt, sql } from 'drizzle-orm';
import type { Deps } from '../../platform/deps.ts';
import { Problem, problems } from '../../platform/errors.ts';
import { licenseProblems } from '../licenses/license-problems.ts';
import { licenseViews } from '../licenses/license-view.ts';
import { inTransaction } from './in-transaction.ts';
import { type OrderItem, storeCheckout } from './schema.ts';
import { storeOffers } from './store-offers.ts';
import { totalOf } from './store-provider.ts';
import type { Store } from './store-providers.ts';

export const CHECKOUT_TTL_MS = 60 * 60 * 1000;
export const MAX_OPEN_CHECKOUTS = 5;

export interface CheckoutRequest {
  licenseTypeId: string;
  renewsLicenseId?: string;
  saveCard?: boolean;
  quantity?: number;
}

export const storeProblems = {
  unavailable: () => new Problem(503, 'store-unavailable', 'The web store is not set up on this server'),
  tooManyCheckouts: () =>
    new Problem(409, 'too-many-checkouts', 'Too many purchases are waiting for payment', {
      detail: `Pay or let one of them lapse first (at most ${MAX_OPEN_CHECKOUTS} at a time)`,
    }),
};

/** A renewal is of the caller's own running subscription, bought as the same offer, one at a time. */
async function checkRenewal(deps: Pick<Deps, 'db' | 'clock'>, userId: string, request: CheckoutRequest): Promise<void> {
  if (!request.renewsLicenseId) return;
  const [license] = await licenseViews(deps, userId, request.renewsLicenseId);
  if (!license) throw licenseProblems.notFound();
  if (license.status === 'revoked') throw licenseProblems.revoked();
  if (license.type.termDays === null) throw licenseProblems.notRenewable();
  if (license.type.id !== request.licenseTypeId) throw problems.invalidField('licenseTypeId', 'must be the offer of the license renewed');
  if ((request.quantity ?? 1) !== 1) throw problems.invalidField('quantity', 'must be 1 for a renewal');
}

async function itemsFor(deps: Pick<Deps, 'db'>, request: CheckoutRequest): Promise<{ items: OrderItem[]; currency: string }> {
  const offer = (await storeOffers(deps)).find((o) => o.id === request.licenseTypeId);
  if (!offer) throw problems.invalidField('licenseTypeId', 'is not an offer of the store');
  const item: OrderItem = {
    licenseTypeId: offer.id,
    name: `${offer.productName}, ${offer.name}`,
    quantity: request.quantity ?? 1,
    unitPriceCents: offer.priceCents,
    ...(request.renewsLicenseId ? { renewsLicenseId: request.renewsLicenseId } : {}),
  };
  return { items: [item], currency: offer.currency };
}

/** The user's own action starts every purchase (ACC-7): a checkout at the provider, where they confirm the payment. */
export async function startCheckout(deps: Pick<Deps, 'db' | 'clock' | 'config'>, store: Store, userId: string, request: CheckoutRequest) {
  const provider = store.active;
  if (!provider) throw storeProblems.unavailable();
  const { items, currency } = await itemsFor(deps, request);
  await checkRenewal(deps, userId, request);
  const saveCard = request.saveCard ?? false;
  const checkoutId = await inTransaction(deps, async (tx) => {
    const now = tx.clock.now();
    await tx.db.execute(sql`select pg_advisory_xact_lock(hashtext(${`store-checkout:${userId}`}))`);
    const open = and(eq(storeCheckout.userId, userId), eq(storeCheckout.status, 'open'), gt(storeCheckout.expiresAt, now));
    const [{ n }] = await tx.db.select({ n: count() }).from(storeCheckout).where(open);
    if (n >= MAX_OPEN_CHECKOUTS) throw storeProblems.tooManyCheckouts();
    const [row] = await tx.db
      .insert(storeCheckout)
      .values({
        userId,
        provider: provider.id,
        items,
        totalCents: totalOf(items),
        currency,
        saveCard,
        status: 'open',
        createdAt: now,
        expiresAt: new Date(now.getTime() + CHECKOUT_TTL_MS),
      })
      .returning({ id: storeCheckout.id });
    return row.id;
  });
  const returnUrl = `${deps.config.baseUrl}/account/purchases`;
  const { checkoutUrl } = await provider.createCheckout({ checkoutId, userId, items, currency, saveCard, returnUrl });
  return { checkoutId, checkoutUrl };
}
