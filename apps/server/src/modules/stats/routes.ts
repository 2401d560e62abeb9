import { Type } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { DAY_MS } from '../../platform/clock.ts';
import type { Deps } from '../../platform/deps.ts';
import type { Auth } from '../accounts/auth.ts';
import { guard } from '../accounts/current-session.ts';
import { hasConsent } from '../privacy/cookie-consent.ts';
import { hourlySeries } from './hourly-series.ts';
import { type EventInput, recordEvent } from './record-event.ts';

const Kind = Type.Union([Type.Literal('page-view'), Type.Literal('api-use')]);
const EventBody = Type.Object(
  {
    kind: Kind,
    path: Type.String({ minLength: 1, maxLength: 200, pattern: '^/' }),
    referrer: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);

const SeriesQuery = Type.Object(
  { from: Type.Optional(Type.String({ format: 'date-time' })), to: Type.Optional(Type.String({ format: 'date-time' })) },
  { additionalProperties: false },
);
const Hour = Type.Object({ hour: Type.String({ format: 'date-time' }), kind: Kind, path: Type.String(), views: Type.Integer(), visitors: Type.Integer() });

/** The page-view beacon: anyone may call it, signed in or not; it never looks at the session. */
export async function statsBeaconRoutes(app: FastifyInstance, opts: { deps: Deps }) {
  const { deps } = opts;
  app.post<{ Body: EventInput }>(
    '/api/stats/events',
    {
      config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: {
        tags: ['statistics'],
        summary: 'Count a page view or API use under a daily pseudonym (STAT-1); stored only with analytics consent',
        body: EventBody,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await recordEvent(deps, request.body, {
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? '',
        // The choice recorded in the consent ledger decides, never anything the client asserts (STAT-2).
        analyticsConsent: await hasConsent(deps, request, 'first-party-analytics'),
      });
      // The same answer whether or not it was stored.
      return reply.code(204).send();
    },
  );
}

export async function statsStaffRoutes(app: FastifyInstance, opts: { auth: Auth; deps: Deps }) {
  const { auth, deps } = opts;
  app.addHook('onRequest', guard(auth, ['admin', 'dpo']));
  app.get<{ Querystring: { from?: string; to?: string } }>(
    '/api/staff/stats',
    {
      schema: {
        tags: ['staff', 'statistics'],
        summary: 'Hourly page views, API uses and distinct visitors per path; the last 24 hours unless from and to say otherwise',
        querystring: SeriesQuery,
        response: { 200: Type.Object({ from: Type.String({ format: 'date-time' }), to: Type.String({ format: 'date-time' }), hours: Type.Array(Hour) }) },
      },
    },
    // Not audited: aggregated counts per hour and path hold no person's data.
    async (request) => {
      const to = request.query.to ? new Date(request.query.to) : deps.clock.now();
      const from = request.query.from ? new Date(request.query.from) : new Date(to.getTime() - DAY_MS);
      const hours = await hourlySeries(deps, { from, to });
      return { from: from.toISOString(), to: to.toISOString(), hours: hours.map((h) => ({ ...h, hour: h.hour.toISOString() })) };
    },
  );
}
