import { and, desc, eq, gte, inArray, sql } from 'drizzle-orm';
import { DAY_MS } from '../../platform/clock.ts';
import type { Deps } from '../../platform/deps.ts';
import { isUuid } from '../../platform/uuid.ts';
import { type ManagedLicenseSummary, managedLicense, managedLicenses } from '../licenses/managed-license.ts';
import { ENTITLEMENT } from './license-seats.ts';
import { mailguardProblems } from './mailguard-problems.ts';
import { mailProviders } from './providers/mail-providers.ts';
import { CONNECTION_KINDS, type ConnectionKind, type ConnectionStatus, mailConnection, mailScanDay, mailThreat, type ThreatAction } from './schema.ts';
import { openRefreshToken } from './sealed-tokens.ts';

const RECENT_THREATS = 20;
const OVERVIEW_DAYS = 30;

export interface ConnectionView {
  id: string;
  kind: 'mailbox' | 'file-store';
  provider: { id: string; name: string };
  address: string;
  status: ConnectionStatus;
  scanAttachments: boolean;
  scanLinks: boolean;
  action: ThreatAction;
  connectedAt: string;
  lastScanAt: string | null;
  last30Days: { scanned: number; threats: number };
  recentThreats: Array<{ id: string; itemRef: string; verdict: string; actionTaken: ThreatAction; detectedAt: string }>;
}

export interface ProtectedLicense {
  license: Omit<ManagedLicenseSummary, 'entitlements'>;
  /** What the license protects: mailboxes, file stores or both. */
  kinds: ConnectionKind[];
  connections: ConnectionView[];
}

type Row = typeof mailConnection.$inferSelect;

async function viewsOf(deps: Pick<Deps, 'db' | 'clock' | 'config'>, rows: Row[]): Promise<ConnectionView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const since = new Date(deps.clock.now().getTime() - OVERVIEW_DAYS * DAY_MS).toISOString().slice(0, 10);
  const totals = await deps.db
    .select({ id: mailScanDay.connectionId, scanned: sql<number>`sum(${mailScanDay.scanned})::int`, threats: sql<number>`sum(${mailScanDay.threats})::int` })
    .from(mailScanDay)
    .where(and(inArray(mailScanDay.connectionId, ids), gte(mailScanDay.day, since)))
    .groupBy(mailScanDay.connectionId);
  const threats = await deps.db
    .select()
    .from(mailThreat)
    .where(inArray(mailThreat.connectionId, ids))
    .orderBy(desc(mailThreat.detectedAt))
    .limit(RECENT_THREATS * ids.length);
  const providers = mailProviders(deps);
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    provider: { id: row.provider, name: providers.all.find((p) => p.id === row.provider)?.name ?? row.provider },
    address: row.address,
    status: row.status,
    scanAttachments: row.scanAttachments,
    scanLinks: row.scanLinks,
    action: row.action,
    connectedAt: row.connectedAt.toISOString(),
    lastScanAt: row.lastScanAt?.toISOString() ?? null,
    last30Days: totals.find((t) => t.id === row.id) ?? { scanned: 0, threats: 0 },
    recentThreats: threats
      .filter((t) => t.connectionId === row.id)
      .slice(0, RECENT_THREATS)
      .map((t) => ({ id: t.id, itemRef: t.itemRef, verdict: t.verdict, actionTaken: t.actionTaken, detectedAt: t.detectedAt.toISOString() })),
  }));
}

/** Every license with mail or file protection the caller manages, and what each protects. */
export async function protectedLicenses(deps: Pick<Deps, 'db' | 'clock' | 'config'>, userId: string): Promise<ProtectedLicense[]> {
  const licenses = await managedLicenses(deps, userId, Object.values(ENTITLEMENT));
  if (licenses.length === 0) return [];
  const rows = await deps.db
    .select()
    .from(mailConnection)
    .where(
      inArray(
        mailConnection.licenseId,
        licenses.map((l) => l.id),
      ),
    )
    .orderBy(mailConnection.connectedAt);
  const views = await viewsOf(deps, rows);
  return licenses.map(({ entitlements, ...license }) => ({
    license,
    kinds: CONNECTION_KINDS.filter((kind) => entitlements.includes(ENTITLEMENT[kind])),
    connections: views.filter((_, i) => rows[i].licenseId === license.id),
  }));
}

/** A connection whose license the caller manages; any other is not found. */
async function ownConnection(deps: Pick<Deps, 'db'>, userId: string, connectionId: string): Promise<Row> {
  if (!isUuid(connectionId)) throw mailguardProblems.notFound();
  const [row] = await deps.db.select().from(mailConnection).where(eq(mailConnection.id, connectionId));
  if (!row) throw mailguardProblems.notFound();
  await managedLicense(deps, userId, row.licenseId, ENTITLEMENT[row.kind]).catch(() => {
    throw mailguardProblems.notFound();
  });
  return row;
}

export interface SettingsInput {
  scanAttachments: boolean;
  scanLinks: boolean;
  action: ThreatAction;
  paused: boolean;
}

/** MAIL-2: what the scanner looks at and does; pausing stops scanning without handing the access back. */
export async function updateSettings(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  userId: string,
  connectionId: string,
  input: SettingsInput,
): Promise<ConnectionView> {
  const row = await ownConnection(deps, userId, connectionId);
  // A connection the provider no longer honours stays marked so until it is connected again, paused or not.
  const status: ConnectionStatus = row.status === 'reconnect-needed' ? row.status : input.paused ? 'paused' : 'active';
  const [updated] = await deps.db
    .update(mailConnection)
    .set({ scanAttachments: input.scanAttachments, scanLinks: input.scanLinks, action: input.action, status, updatedAt: deps.clock.now() })
    .where(eq(mailConnection.id, connectionId))
    .returning();
  const [view] = await viewsOf(deps, [updated]);
  return view;
}

/** Hands the access back to the provider and deletes the connection with its scan records. */
export async function disconnect(deps: Pick<Deps, 'db' | 'clock' | 'config'>, userId: string, connectionId: string): Promise<void> {
  const row = await ownConnection(deps, userId, connectionId);
  const provider = mailProviders(deps).all.find((p) => p.id === row.provider);
  // A provider that cannot be reached must not keep the customer from disconnecting; its grant lapses on its own.
  await provider?.revoke(openRefreshToken(deps, row.id, row.refreshToken)).catch(() => undefined);
  await deps.db.delete(mailConnection).where(eq(mailConnection.id, connectionId));
}
