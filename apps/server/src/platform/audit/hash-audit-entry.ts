import { createHash } from 'node:crypto';

/** The first entry chains to this, so every entry has a previous hash to check. */
export const GENESIS_HASH = '0'.repeat(64);

/** What the hash covers: everything an entry says, but not its seq, which the database assigns. */
export interface HashedFields {
  at: Date;
  actorId: string;
  action: string;
  subjectUserId: string | null;
  reason: string;
  details: Record<string, unknown> | null;
}

// Sorted keys at every depth: jsonb does not keep key order, so the hash must not depend on it.
function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/**
 * Makes details exactly what jsonb will hand back (Dates become strings, undefined goes), so
 * the hash computed before the insert matches the one recomputed from the stored row.
 */
export function normaliseDetails(details: Record<string, unknown> | undefined | null): Record<string, unknown> | null {
  if (details === undefined || details === null) return null;
  return JSON.parse(JSON.stringify(details)) as Record<string, unknown>;
}

export function hashAuditEntry(prevHash: string, fields: HashedFields): string {
  const body = canonicalJson({
    at: fields.at.toISOString(),
    actorId: fields.actorId,
    action: fields.action,
    subjectUserId: fields.subjectUserId,
    reason: fields.reason,
    details: fields.details,
  });
  return createHash('sha256').update(prevHash).update(body).digest('hex');
}
