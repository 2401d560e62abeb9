import { Type } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Category } from '../../../platform/datamap/annotate.ts';
import type { Deps } from '../../../platform/deps.ts';
import { problems } from '../../../platform/errors.ts';
import type { Auth } from '../../accounts/auth.ts';
import { guard, signedIn } from '../../accounts/current-session.ts';
import { recordDisclosure } from './disclosures.ts';
import { QUEUE_LIMIT, requestQueue } from './request-queue.ts';
import { REFUSAL_GROUNDS } from './schema.ts';
import { completeRequest, extendRequest, refuseRequest } from './staff-decisions.ts';
import { QueueItemOut, requestView } from './views.ts';

const tags = ['staff', 'privacy-rights'];
const CATEGORIES: Category[] = [
  'identity',
  'contact',
  'credential',
  'security',
  'preference',
  'consent',
  'technical',
  'communication',
  'financial',
  'support',
  'content',
];
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const QueueQuery = Type.Object(
  { limit: Type.Integer({ minimum: 1, maximum: QUEUE_LIMIT, default: 50 }), userId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })) },
  { additionalProperties: false },
);
const Extension = Type.Object(
  { until: Type.String({ format: 'date-time' }), reason: Type.String({ minLength: 10, maxLength: 1000 }) },
  { additionalProperties: false },
);
const Refusal = Type.Object(
  { ground: Type.Union(REFUSAL_GROUNDS.map((g) => Type.Literal(g))), reason: Type.String({ minLength: 10, maxLength: 2000 }) },
  { additionalProperties: false },
);
const Disclosure = Type.Object(
  {
    userId: Type.String({ minLength: 1, maxLength: 100 }),
    recipient: Type.String({ minLength: 2, maxLength: 200 }),
    legalBasis: Type.String({ minLength: 5, maxLength: 1000 }),
    categories: Type.Array(Type.Union(CATEGORIES.map((c) => Type.Literal(c))), { minItems: 1, maxItems: CATEGORIES.length, uniqueItems: true }),
    disclosedAt: Type.String({ format: 'date-time' }),
    secretUntil: Type.Optional(Type.String({ format: 'date-time' })),
  },
  { additionalProperties: false },
);

interface DisclosureBody {
  userId: string;
  recipient: string;
  legalBasis: string;
  categories: Category[];
  disclosedAt: string;
  secretUntil?: string;
}

/** The DPO's queue and decisions (RIGHT-4, RIGHT-5); admins may help with the queue. */
async function requestQueueRoutes(app: FastifyInstance, opts: { auth: Auth; deps: Deps }) {
  const { auth, deps } = opts;
  app.addHook('onRequest', guard(auth, ['dpo', 'admin']));

  app.get<{ Querystring: { limit: number; userId?: string } }>(
    '/api/staff/privacy-requests',
    {
      schema: {
        tags,
        summary: 'Open requests, optionally of one person: overdue first, then due within 7 days, then the rest',
        querystring: QueueQuery,
        response: { 200: Type.Object({ requests: Type.Array(QueueItemOut) }) },
      },
    },
    async (request) => {
      const now = deps.clock.now();
      const rows = await requestQueue(deps, signedIn(request), request.query);
      return { requests: rows.map((row) => ({ ...requestView(row, now), userId: row.userId, urgency: row.urgency })) };
    },
  );

  app.post<{ Params: { id: string }; Body: { until: string; reason: string } }>(
    '/api/staff/privacy-requests/:id/extend',
    { schema: { tags, summary: 'Extend the deadline by up to two months; the requester is told why', params: IdParams, body: Extension } },
    async (request, reply) => {
      await extendRequest(deps, signedIn(request), request.params.id, new Date(request.body.until), request.body.reason);
      return reply.code(204).send();
    },
  );

  app.post<{ Params: { id: string }; Body: { ground: (typeof REFUSAL_GROUNDS)[number]; reason: string } }>(
    '/api/staff/privacy-requests/:id/refuse',
    { schema: { tags, summary: 'Refuse a manifestly unfounded or repetitive request, with the reason', params: IdParams, body: Refusal } },
    async (request, reply) => {
      await refuseRequest(deps, signedIn(request), request.params.id, request.body.ground, request.body.reason);
      return reply.code(204).send();
    },
  );

  app.post<{ Params: { id: string } }>(
    '/api/staff/privacy-requests/:id/complete',
    { schema: { tags, summary: 'Mark a request done; the requester is told', params: IdParams } },
    async (request, reply) => {
      await completeRequest(deps, signedIn(request), request.params.id);
      return reply.code(204).send();
    },
  );
}

/** PRIN-4: only the DPO records disclosures the law required. */
async function disclosureRoutes(app: FastifyInstance, opts: { auth: Auth; deps: Deps }) {
  const { auth, deps } = opts;
  app.addHook('onRequest', guard(auth, ['dpo']));

  app.post<{ Body: DisclosureBody }>(
    '/api/staff/disclosures',
    { schema: { tags, summary: 'Record a disclosure to an authority (PRIN-4)', body: Disclosure, response: { 201: Type.Object({ id: Type.String() }) } } },
    async (request, reply) => {
      const body = request.body;
      const disclosedAt = new Date(body.disclosedAt);
      if (disclosedAt > deps.clock.now()) throw problems.invalidField('disclosedAt', 'must not be in the future');
      const input = { ...body, disclosedAt, secretUntil: body.secretUntil ? new Date(body.secretUntil) : null };
      return reply.code(201).send(await recordDisclosure(deps, signedIn(request), input));
    },
  );
}

export async function staffRightsRoutes(app: FastifyInstance, opts: { auth: Auth; deps: Deps }) {
  await app.register(requestQueueRoutes, opts);
  await app.register(disclosureRoutes, opts);
}
