import { and, desc, eq, notInArray, sql } from 'drizzle-orm';
import type { Deps } from '../../platform/deps.ts';
import { problems } from '../../platform/errors.ts';
import type { TxDeps } from './in-transaction.ts';
import { paymentCard } from './schema.ts';
import type { SavedCard } from './store-provider.ts';
import type { Store } from './store-providers.ts';

const MAX_CARDS = 20;

export interface CardView {
  id: string;
  last4: string;
  expMonth: number;
  expYear: number;
  provider: string;
}

const cardColumns = {
  id: paymentCard.id,
  last4: paymentCard.last4,
  expMonth: paymentCard.expMonth,
  expYear: paymentCard.expYear,
  provider: paymentCard.provider,
};

/**
 * Only the provider's reference, the last four digits and the expiry are kept (ACC-7). The same
 * card saved again replaces the earlier entry, and the oldest goes once there are MAX_CARDS.
 */
export async function keepCard(tx: TxDeps, userId: string, provider: string, card: SavedCard): Promise<void> {
  const mine = and(eq(paymentCard.userId, userId), eq(paymentCard.provider, provider));
  await tx.db
    .delete(paymentCard)
    .where(and(mine, eq(paymentCard.last4, card.last4), eq(paymentCard.expMonth, card.expMonth), eq(paymentCard.expYear, card.expYear)));
  await tx.db
    .insert(paymentCard)
    .values({ userId, provider, providerRef: card.ref, last4: card.last4, expMonth: card.expMonth, expYear: card.expYear, createdAt: tx.clock.now() })
    .onConflictDoUpdate({
      target: [paymentCard.provider, paymentCard.providerRef],
      set: { last4: sql`excluded.last4`, expMonth: sql`excluded.exp_month`, expYear: sql`excluded.exp_year` },
      setWhere: eq(paymentCard.userId, userId),
    });
  const kept = tx.db
    .select({ id: paymentCard.id })
    .from(paymentCard)
    .where(eq(paymentCard.userId, userId))
    .orderBy(desc(paymentCard.createdAt))
    .limit(MAX_CARDS);
  await tx.db.delete(paymentCard).where(and(eq(paymentCard.userId, userId), notInArray(paymentCard.id, kept)));
}

export async function listCards(deps: Pick<Deps, 'db'>, userId: string): Promise<CardView[]> {
  return deps.db.select(cardColumns).from(paymentCard).where(eq(paymentCard.userId, userId)).orderBy(desc(paymentCard.createdAt)).limit(MAX_CARDS);
}

/** The card an auto-renewal charges: the owner's newest one at that provider that has not lapsed. */
export async function cardToCharge(deps: Pick<Deps, 'db' | 'clock'>, userId: string, provider: string): Promise<{ ref: string } | null> {
  const now = deps.clock.now();
  const month = now.getUTCFullYear() * 12 + now.getUTCMonth() + 1;
  const [card] = await deps.db
    .select({ ref: paymentCard.providerRef })
    .from(paymentCard)
    .where(and(eq(paymentCard.userId, userId), eq(paymentCard.provider, provider), sql`${paymentCard.expYear} * 12 + ${paymentCard.expMonth} >= ${month}`))
    .orderBy(desc(paymentCard.createdAt))
    .limit(1);
  return card ?? null;
}

/** Asks the provider to forget the card, then unlinks it here; another user's card is not found. */
export async function deleteCard(deps: Pick<Deps, 'db'>, store: Store, userId: string, cardId: string): Promise<void> {
  const owned = and(eq(paymentCard.id, cardId), eq(paymentCard.userId, userId));
  const [card] = await deps.db.select({ provider: paymentCard.provider, ref: paymentCard.providerRef }).from(paymentCard).where(owned);
  if (!card) throw problems.notFound('card');
  await store.byId(card.provider)?.detachCard({ userId, cardRef: card.ref });
  await deps.db.delete(paymentCard).where(owned);
}
