import type { TxDeps } from './in-transaction.ts';
import { storeWebhookEvent } from './schema.ts';

/** False when the event was taken before: the unique key makes a concurrent replay wait, then see it. */
export async function takeWebhookEvent(tx: TxDeps, provider: string, eventId: string): Promise<boolean> {
  const taken = await tx.db
    .insert(storeWebhookEvent)
    .values({ provider, eventId, receivedAt: tx.clock.now() })
    .onConflictDoNothing()
    .returning({ eventId: storeWebhookEvent.eventId });
  return taken.length > 0;
}
