import { Type } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import { listOutbox } from '../../platform/notify/list-outbox.ts';
import type { Auth } from '../accounts/auth.ts';
import { guard, signedIn } from '../accounts/current-session.ts';

const OutboxQuery = Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })) }, { additionalProperties: false });
const OutboxMessage = Type.Object({
  id: Type.String(),
  channel: Type.String(),
  recipient: Type.String(),
  subject: Type.String(),
  text: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
});

export async function staffRoutes(app: FastifyInstance, opts: { auth: Auth; deps: Deps }) {
  const { auth, deps } = opts;
  app.addHook('onRequest', guard(auth, ['admin', 'support']));
  app.get<{ Querystring: { limit?: number } }>(
    '/api/staff/outbox',
    {
      schema: {
        tags: ['staff'],
        summary: 'Messages waiting in the outbox when no SMTP server or SMS gateway is set',
        querystring: OutboxQuery,
        response: { 200: Type.Object({ messages: Type.Array(OutboxMessage) }) },
      },
    },
    async (request) => {
      const staff = signedIn(request);
      await deps.audit.record({ actorId: staff.userId, action: 'outbox.read', reason: 'Deliver service messages without SMTP' });
      return { messages: await listOutbox(deps.db, request.query.limit ?? 50) };
    },
  );
}
