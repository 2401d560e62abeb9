import { Type } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '../../../platform/deps.ts';
import type { Auth } from '../../accounts/auth.ts';
import { guard, signedIn } from '../../accounts/current-session.ts';
import { requireFreshSignIn } from '../../accounts/require-fresh-sign-in.ts';
import { correctableFields, requestCorrection } from './corrections.ts';
import { eraseMe, readErasureReport } from './erasure.ts';
import { downloadExport, exportStatus, listExports, startExport } from './exports.ts';
import { liftObjection, OBJECTABLE, type Objectable, objections, objectTo, withdrawAllConsents } from './objections.ts';
import { requestHistory } from './requests.ts';
import { restrictionOf, setRestriction } from './restriction.ts';
import { staffRightsRoutes } from './staff-routes.ts';
import { ExportStatusOut, exportView, RequestOut, requestView } from './views.ts';

const tags = ['privacy-rights'];
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const Correction = Type.Object(
  { field: Type.String({ minLength: 1, maxLength: 100 }), text: Type.String({ minLength: 1, maxLength: 2000 }) },
  { additionalProperties: false },
);
const Erasure = Type.Object({ confirm: Type.Literal(true) }, { additionalProperties: false });
const Restriction = Type.Object({ restricted: Type.Boolean() }, { additionalProperties: false });
const RestrictionOut = Type.Object({ restricted: Type.Boolean(), since: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]) });
const Objection = Type.Object({ purpose: Type.Union(Object.keys(OBJECTABLE).map((p) => Type.Literal(p))) }, { additionalProperties: false });
const ObjectionParams = Type.Object({ purpose: Type.Union(Object.keys(OBJECTABLE).map((p) => Type.Literal(p))) });
const ReportParams = Type.Object({ requestId: Type.String({ format: 'uuid' }) });
const ReportQuery = Type.Object({ token: Type.String({ minLength: 20, maxLength: 100, pattern: '^[A-Za-z0-9_-]+$' }) }, { additionalProperties: false });

// Counted per account, not per address: people behind one office or carrier address do not use up each other's requests.
const hourly = (max: number) => ({
  rateLimit: { max, timeWindow: '1 hour', keyGenerator: (request: FastifyRequest) => `rights:${request.routeOptions.url}:${signedIn(request).userId}` },
});

/** The rights centre: what a signed-in person does without staff help (RIGHT-1). */
async function subjectRoutes(app: FastifyInstance, opts: { auth: Auth; deps: Deps }) {
  const { auth, deps } = opts;
  app.addHook('onRequest', guard(auth));

  app.get(
    '/api/privacy/requests',
    { schema: { tags, summary: 'My privacy requests with their deadlines (RIGHT-4)', response: { 200: Type.Object({ requests: Type.Array(RequestOut) }) } } },
    async (request) => {
      const now = deps.clock.now();
      return { requests: (await requestHistory(deps, signedIn(request).userId)).map((r) => requestView(r, now)) };
    },
  );

  app.post(
    '/api/privacy/exports',
    {
      config: hourly(5),
      schema: { tags, summary: 'Start an export of my data (RIGHT-1); needs a fresh sign-in', response: { 202: Type.Object({ requestId: Type.String() }) } },
    },
    async (request, reply) => {
      const user = signedIn(request);
      requireFreshSignIn(deps, user);
      return reply.code(202).send(await startExport(deps, user.userId));
    },
  );

  app.get(
    '/api/privacy/exports',
    { schema: { tags, summary: 'My latest exports, newest first', response: { 200: Type.Object({ exports: Type.Array(ExportStatusOut) }) } } },
    async (request) => ({
      exports: (await listExports(deps, signedIn(request).userId)).map(exportView),
    }),
  );

  app.get<{ Params: { id: string } }>(
    '/api/privacy/exports/:id',
    { schema: { tags, summary: 'Progress of an export', params: IdParams, response: { 200: ExportStatusOut } } },
    async (request) => exportView(await exportStatus(deps, signedIn(request).userId, request.params.id)),
  );

  app.get<{ Params: { id: string } }>(
    '/api/privacy/exports/:id/download',
    { config: hourly(20), schema: { tags, summary: 'Download the export zip: once, within 24 hours, after a fresh sign-in (RIGHT-3)', params: IdParams } },
    async (request, reply) => {
      const user = signedIn(request);
      requireFreshSignIn(deps, user);
      const zip = await downloadExport(deps, user.userId, request.params.id);
      const day = deps.clock.now().toISOString().slice(0, 10);
      return reply
        .header('content-type', 'application/zip')
        .header('content-disposition', `attachment; filename="steward-export-${day}.zip"`)
        .header('cache-control', 'no-store')
        .send(zip);
    },
  );

  app.get(
    '/api/privacy/corrections/fields',
    { schema: { tags, summary: 'Fields of my data I can ask to have corrected', response: { 200: Type.Object({ fields: Type.Array(Type.String()) }) } } },
    async () => ({
      fields: correctableFields(),
    }),
  );

  app.post<{ Body: { field: string; text: string } }>(
    '/api/privacy/corrections',
    {
      config: hourly(20),
      schema: {
        tags,
        summary: 'Ask staff to correct a field the account page cannot edit',
        body: Correction,
        response: { 201: Type.Object({ requestId: Type.String(), dueAt: Type.String({ format: 'date-time' }) }) },
      },
    },
    async (request, reply) => {
      const result = await requestCorrection(deps, signedIn(request).userId, request.body.field, request.body.text);
      return reply.code(201).send({ requestId: result.requestId, dueAt: result.dueAt.toISOString() });
    },
  );

  app.post(
    '/api/privacy/erasure',
    { config: hourly(5), schema: { tags, summary: 'Erase my data now (RIGHT-1); needs a fresh sign-in', body: Erasure } },
    async (request) => eraseMe(auth, deps, signedIn(request)),
  );

  app.get(
    '/api/privacy/restriction',
    { schema: { tags, summary: 'Whether processing of my data is restricted', response: { 200: RestrictionOut } } },
    async (request) => {
      const state = await restrictionOf(deps, signedIn(request).userId);
      return { restricted: state.restricted, since: state.since?.toISOString() ?? null };
    },
  );

  app.post<{ Body: { restricted: boolean } }>(
    '/api/privacy/restriction',
    {
      config: hourly(30),
      schema: {
        tags,
        summary: 'Restrict processing to storage and legal claims, or lift it (RIGHT-6)',
        body: Restriction,
        response: { 200: Type.Object({ ...RestrictionOut.properties, requestId: Type.String() }) },
      },
    },
    async (request) => {
      const state = await setRestriction(deps, signedIn(request).userId, request.body.restricted);
      return { ...state, since: state.since?.toISOString() ?? null };
    },
  );

  app.get(
    '/api/privacy/objections',
    { schema: { tags, summary: 'Processing I objected to', response: { 200: Type.Record(Type.String(), Type.Boolean()) } } },
    async (request) => objections(deps, signedIn(request).userId),
  );

  app.post<{ Body: { purpose: Objectable } }>(
    '/api/privacy/objections',
    { config: hourly(30), schema: { tags, summary: 'Object to processing based on legitimate interest; it stops at once', body: Objection } },
    async (request, reply) => reply.code(201).send(await objectTo(deps, signedIn(request).userId, request.body.purpose)),
  );

  app.delete<{ Params: { purpose: Objectable } }>(
    '/api/privacy/objections/:purpose',
    { config: hourly(30), schema: { tags, summary: 'Lift an objection; the processing may resume', params: ObjectionParams } },
    async (request) => liftObjection(deps, signedIn(request).userId, request.params.purpose),
  );

  app.post(
    '/api/privacy/consents/withdraw-all',
    { config: hourly(30), schema: { tags, summary: 'Withdraw every consent I gave (RIGHT-1)' } },
    async (request) => withdrawAllConsents(deps, signedIn(request).userId),
  );
}

/** The erasure report outlives the account, so its mailed link, not a session, opens it. */
async function erasureReportRoutes(app: FastifyInstance, opts: { deps: Deps }) {
  app.get<{ Params: { requestId: string }; Querystring: { token: string } }>(
    '/api/privacy/erasure-report/:requestId',
    {
      // No account any more: counted per address.
      config: { rateLimit: { max: 60, timeWindow: '1 hour' } },
      schema: { tags, summary: 'What an erasure did and what is kept, for 30 days, by the mailed link', params: ReportParams, querystring: ReportQuery },
    },
    async (request) => readErasureReport(opts.deps, request.params.requestId, request.query.token),
  );
}

export async function rightsRoutes(app: FastifyInstance, opts: { auth: Auth; deps: Deps }) {
  await app.register(subjectRoutes, opts);
  await app.register(erasureReportRoutes, opts);
  await app.register(staffRightsRoutes, opts);
}
