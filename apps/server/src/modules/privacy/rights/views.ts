import { Type } from '@fastify/type-provider-typebox';
import { daysLeft } from './calendar.ts';
import { deadlineOf, type PrivacyRequest } from './requests.ts';

const iso = (date: Date | null) => date?.toISOString() ?? null;
const When = Type.Union([Type.String({ format: 'date-time' }), Type.Null()]);

export const RequestOut = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  status: Type.String(),
  openedAt: Type.String({ format: 'date-time' }),
  verifiedAt: When,
  dueAt: Type.String({ format: 'date-time' }),
  extendedUntil: When,
  extensionReason: Type.Union([Type.String(), Type.Null()]),
  closedAt: When,
  refusalGround: Type.Union([Type.String(), Type.Null()]),
  refusalReason: Type.Union([Type.String(), Type.Null()]),
  details: Type.Unknown(),
  deadline: Type.String({ format: 'date-time' }),
  daysLeft: Type.Integer(),
});

export const QueueItemOut = Type.Object({ ...RequestOut.properties, userId: Type.String(), urgency: Type.String() });

/** A request as the API shows it, with the deadline in force and the days left to it. */
export function requestView(row: PrivacyRequest, now: Date) {
  const deadline = deadlineOf(row);
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    openedAt: row.openedAt.toISOString(),
    verifiedAt: iso(row.verifiedAt),
    dueAt: row.dueAt.toISOString(),
    extendedUntil: iso(row.extendedUntil),
    extensionReason: row.extensionReason,
    closedAt: iso(row.closedAt),
    refusalGround: row.refusalGround,
    refusalReason: row.refusalReason,
    details: row.details,
    deadline: deadline.toISOString(),
    daysLeft: daysLeft(deadline, now),
  };
}

export const ExportStatusOut = Type.Object({
  requestId: Type.String(),
  status: Type.String(),
  progress: Type.Integer({ minimum: 0, maximum: 100 }),
  step: Type.String(),
  readyAt: When,
  expiresAt: When,
  downloadedAt: When,
  downloadable: Type.Boolean(),
});

export function exportView(status: { readyAt: Date | null; expiresAt: Date | null; downloadedAt: Date | null } & Record<string, unknown>) {
  return { ...status, readyAt: iso(status.readyAt), expiresAt: iso(status.expiresAt), downloadedAt: iso(status.downloadedAt) };
}
