import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Deps } from '../../platform/deps.ts';
import { type BatchOptions, inBatches } from '../../platform/jobs/batches.ts';
import { unusableLicenses } from '../licenses/managed-license.ts';
import { notRestricted } from '../privacy/rights/restriction.ts';
import { type MailProvider, ProviderError } from './providers/mail-provider.ts';
import { mailProviders } from './providers/mail-providers.ts';
import { verdictOf } from './scanner.ts';
import { mailConnection, mailScanDay, mailThreat } from './schema.ts';
import { openRefreshToken } from './sealed-tokens.ts';

const ITEMS_PER_CALL = 100;
/** A mailbox that received thousands since the last run is finished by the next runs, so one cannot hold up the others. */
const ITEMS_PER_RUN = 2_000;
const CONNECTIONS_PER_BATCH = 20;
export const THREAT_LABEL = 'Steward: threat';

type ScanDeps = Pick<Deps, 'db' | 'clock' | 'config' | 'log'>;
type Connection = typeof mailConnection.$inferSelect;

async function scanConnection(deps: ScanDeps, provider: MailProvider, connection: Connection): Promise<number> {
  const accessToken = await provider.accessToken(openRefreshToken(deps, connection.id, connection.refreshToken));
  let cursor = connection.cursor;
  let scanned = 0;
  let threats = 0;
  while (scanned < ITEMS_PER_RUN) {
    const page = await provider.newItems(accessToken, connection.address, cursor, ITEMS_PER_CALL);
    for (const item of page.items) {
      const verdict = verdictOf(item, connection);
      if (verdict === null) continue;
      if (connection.action === 'quarantine') await provider.quarantine(accessToken, connection.address, item.id);
      if (connection.action === 'tag') await provider.tag(accessToken, connection.address, item.id, THREAT_LABEL);
      await deps.db
        .insert(mailThreat)
        .values({ connectionId: connection.id, itemRef: item.id, verdict, actionTaken: connection.action, detectedAt: deps.clock.now() });
      threats += 1;
    }
    scanned += page.items.length;
    cursor = page.cursor;
    // The cursor moves with each page, so a crash rescans at most one page.
    await deps.db.update(mailConnection).set({ cursor, lastScanAt: deps.clock.now() }).where(eq(mailConnection.id, connection.id));
    if (page.items.length < ITEMS_PER_CALL) break;
  }
  if (scanned > 0) await countDay(deps, connection, scanned, threats);
  return scanned;
}

async function countDay(deps: ScanDeps, connection: Connection, scanned: number, threats: number): Promise<void> {
  const day = deps.clock.now().toISOString().slice(0, 10);
  await deps.db
    .insert(mailScanDay)
    .values({ connectionId: connection.id, userId: connection.userId, day, scanned, threats })
    .onConflictDoUpdate({
      target: [mailScanDay.connectionId, mailScanDay.day],
      set: { scanned: sql`${mailScanDay.scanned} + ${scanned}`, threats: sql`${mailScanDay.threats} + ${threats}` },
    });
}

/**
 * MAIL-2: scans what arrived in every active connection whose license can still be used, by its settings. Items pass
 * through memory only; what is kept is the provider's reference to a threat, the verdict and the action. A grant the
 * provider no longer honours marks the connection for reconnecting. Returns the items scanned.
 */
export async function runScans(deps: ScanDeps, options: BatchOptions = {}): Promise<number> {
  const providers = mailProviders(deps);
  const offered = providers.all.map((p) => p.id);
  if (offered.length === 0) return 0;
  let after = '00000000-0000-0000-0000-000000000000';
  let total = 0;
  await inBatches(options, CONNECTIONS_PER_BATCH, async (size) => {
    const rows = await deps.db
      .select()
      .from(mailConnection)
      .where(
        and(
          eq(mailConnection.status, 'active'),
          inArray(mailConnection.provider, offered),
          // A restricted owner's mailbox is kept connected but not scanned (RIGHT-6); company connections have no owner.
          notRestricted(mailConnection.userId),
          sql`${mailConnection.id} > ${after}`,
        ),
      )
      .orderBy(mailConnection.id)
      .limit(size);
    if (rows.length === 0) return 0;
    after = rows[rows.length - 1].id;
    const stopped = await unusableLicenses(deps, [...new Set(rows.map((r) => r.licenseId))], deps.clock.now());
    for (const row of rows) {
      if (stopped.has(row.licenseId)) continue;
      try {
        total += await scanConnection(deps, providers.byId(row.provider), row);
      } catch (error) {
        if (!(error instanceof ProviderError)) throw error;
        // The connection id only: the address is personal data and stays out of the log.
        deps.log.warn({ connection: row.id, reconnect: error.reconnect }, 'mail provider refused a scan');
        if (error.reconnect)
          await deps.db.update(mailConnection).set({ status: 'reconnect-needed', updatedAt: deps.clock.now() }).where(eq(mailConnection.id, row.id));
      }
    }
    return rows.length;
  });
  return total;
}
