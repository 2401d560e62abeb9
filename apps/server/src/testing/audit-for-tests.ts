import type { AuditLog } from '../platform/audit/audit-log.ts';
import type { Deps } from '../platform/deps.ts';

/** Replaced by the real hash-chained log once it exists. */
export function createAuditLogFor(_deps: Omit<Deps, 'audit'>): AuditLog {
  return { record: async () => {} };
}
