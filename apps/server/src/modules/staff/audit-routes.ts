import { Type } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { listAuditEntries } from '../../platform/audit/list-audit-entries.ts';
import { verifyAuditChain } from '../../platform/audit/verify-audit-chain.ts';
import type { Deps } from '../../platform/deps.ts';
import type { Auth } from '../accounts/auth.ts';
import { guard, signedIn } from '../accounts/current-session.ts';

const AuditQuery = Type.Object(
  {
    subjectUserId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    actorId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    before: Type.Optional(Type.Integer({ minimum: 1 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  },
  { additionalProperties: false },
);

const AuditEntry = Type.Object({
  seq: Type.Number(),
  at: Type.String({ format: 'date-time' }),
  actorId: Type.String(),
  action: Type.String(),
  subjectUserId: Type.Union([Type.String(), Type.Null()]),
  reason: Type.String(),
  details: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
});

interface AuditQueryInput {
  subjectUserId?: string;
  actorId?: string;
  before?: number;
  limit?: number;
}

/** The DPO's view: who read whose data and why, with the chain checked on every look. */
export async function auditRoutes(app: FastifyInstance, opts: { auth: Auth; deps: Deps }) {
  const { auth, deps } = opts;
  app.addHook('onRequest', guard(auth, ['dpo', 'admin']));
  app.get<{ Querystring: AuditQueryInput }>(
    '/api/staff/audit',
    {
      schema: {
        tags: ['staff'],
        summary: 'Audit log of staff access to personal data, newest first, with the hash chain verified',
        querystring: AuditQuery,
        response: {
          200: Type.Object({
            entries: Type.Array(AuditEntry),
            chain: Type.Object({ ok: Type.Boolean(), entries: Type.Number(), firstBadSeq: Type.Optional(Type.Number()) }),
          }),
        },
      },
    },
    async (request) => {
      const staff = signedIn(request);
      const { limit = 100, ...filters } = request.query;
      // Reading the log reveals whose data was looked at, so the read is itself logged.
      await deps.audit.record({
        actorId: staff.userId,
        action: 'audit.read',
        reason: 'Review staff access to personal data',
        subjectUserId: filters.subjectUserId,
      });
      const [entries, chain] = await Promise.all([listAuditEntries(deps.db, { ...filters, limit }), verifyAuditChain(deps.db)]);
      return { entries, chain };
    },
  );
}
