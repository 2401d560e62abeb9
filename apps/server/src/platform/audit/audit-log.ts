/** Who read or changed whose personal data, and why. Implemented over an append-only, hash-chained table. */
export interface AuditEntry {
  actorId: string;
  action: string;
  reason: string;
  subjectUserId?: string;
  details?: Record<string, unknown>;
}

export interface AuditLog {
  record(entry: AuditEntry): Promise<void>;
}
