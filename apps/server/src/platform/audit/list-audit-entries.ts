import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import type { Db } from '../db/pool.ts';
import { auditLog } from './schema.ts';

export interface AuditQuery {
  subjectUserId?: string;
  actorId?: string;
  limit: number;
  /** A seq from an earlier page: returns only older entries. */
  before?: number;
}

export interface ListedAuditEntry {
  seq: number;
  at: string;
  actorId: string;
  action: string;
  subjectUserId: string | null;
  reason: string;
  details: Record<string, unknown> | null;
}

const MAX_LIMIT = 500;

/** Newest first, paged by seq, for the DPO view and a subject's access report. */
export async function listAuditEntries(db: Db, query: AuditQuery): Promise<ListedAuditEntry[]> {
  const filters: SQL[] = [];
  if (query.subjectUserId !== undefined) filters.push(eq(auditLog.subjectUserId, query.subjectUserId));
  if (query.actorId !== undefined) filters.push(eq(auditLog.actorId, query.actorId));
  if (query.before !== undefined) filters.push(lt(auditLog.seq, query.before));
  const limit = Number.isFinite(query.limit) ? Math.max(1, Math.min(MAX_LIMIT, Math.floor(query.limit))) : MAX_LIMIT;
  const rows = await db
    .select()
    .from(auditLog)
    .where(and(...filters))
    .orderBy(desc(auditLog.seq))
    .limit(limit);
  return rows.map((row) => ({
    seq: row.seq,
    at: row.at.toISOString(),
    actorId: row.actorId,
    action: row.action,
    subjectUserId: row.subjectUserId,
    reason: row.reason,
    details: row.details,
  }));
}
