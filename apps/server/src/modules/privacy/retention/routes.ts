import { Type } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../../platform/deps.ts';
import type { Auth } from '../../accounts/auth.ts';
import { guard } from '../../accounts/current-session.ts';
import { retentionReport } from './retention-report.ts';

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);
const Time = Type.String({ format: 'date-time' });

const ReportRow = Type.Object({
  rule: Type.String(),
  description: Type.String(),
  schedule: Nullable(Type.String()),
  kept: Nullable(Type.String()),
  due: Type.Integer(),
  oldest: Nullable(Time),
  lastRun: Type.Union([Type.Object({ startedAt: Time, finishedAt: Nullable(Time), rows: Type.Integer(), error: Nullable(Type.String()) }), Type.Null()]),
});

export async function retentionRoutes(app: FastifyInstance, opts: { auth: Auth; deps: Deps }) {
  const { auth, deps } = opts;
  app.addHook('onRequest', guard(auth, ['admin', 'dpo']));
  app.get(
    '/api/staff/retention',
    {
      schema: {
        tags: ['staff'],
        summary: 'Per retention rule: what is due, the oldest item held, the last sweep and its count',
        response: { 200: Type.Object({ rules: Type.Array(ReportRow) }) },
      },
    },
    // Not audited: the report reads counts and timestamps only, no person's data.
    async () => ({ rules: await retentionReport(deps) }),
  );
}
