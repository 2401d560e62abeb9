import { Type } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { collectDataMap } from '../../platform/datamap/collect.ts';
import type { Deps } from '../../platform/deps.ts';
import { Problem } from '../../platform/errors.ts';
import type { Auth } from '../accounts/auth.ts';
import { requireUser } from '../accounts/current-session.ts';
import { cookieConsentProof, cookieConsentState, newVisitorId, OPTIONAL_CATEGORIES, recordCookieConsent, visitorIdOf } from './cookie-consent.ts';
import { groupByTable, personalColumns } from './datamap-view.ts';
import { PIXEL_FILE, PIXEL_GIF, recordMailOpen } from './mail-pixel.ts';
import { latestPolicy, listPolicyVersions, MAX_VERSIONS_LISTED, policyByHash } from './policy-versions.ts';
import { CONSENT_COOKIE, CONSENT_COOKIE_SECONDS } from './services.ts';

const tags = ['privacy'];

const Categories = Type.Object(Object.fromEntries(OPTIONAL_CATEGORIES.map((category) => [category, Type.Boolean()])), { additionalProperties: false });
const ConsentBody = Type.Object({ categories: Categories }, { additionalProperties: false });
const ConsentState = Type.Object({ chosen: Type.Boolean(), categories: Type.Record(Type.String(), Type.Boolean()) });
const PolicyOut = Type.Object({ hash: Type.String(), publishedAt: Type.String({ format: 'date-time' }), document: Type.Unknown() });
const HashParams = Type.Object({ hash: Type.String({ pattern: '^[0-9a-f]{64}$' }) });
const VersionsQuery = Type.Object({ limit: Type.Integer({ minimum: 1, maximum: MAX_VERSIONS_LISTED, default: 50 }) }, { additionalProperties: false });
const PixelParams = Type.Object({ file: Type.String({ maxLength: 500, pattern: PIXEL_FILE.source }) });

/** A signed-in browser's consent also names the person; a signed-out one is only its visitor id. */
async function maybeUserId(auth: Auth, request: FastifyRequest): Promise<string | undefined> {
  try {
    return (await requireUser(auth, request)).userId;
  } catch (error) {
    if (error instanceof Problem && error.status === 401) return undefined;
    throw error;
  }
}

/** Every route here is public: the policy is for anyone, and cookie choices come before any account. */
export async function privacyRoutes(app: FastifyInstance, opts: { auth: Auth; deps: Deps }) {
  const { auth, deps } = opts;
  const secure = deps.config.baseUrl.startsWith('https:');

  app.get('/api/privacy/datamap', { schema: { tags, summary: 'Every personal-data column, with purpose, basis and retention (PRIN-1)' } }, async () => {
    const columns = personalColumns(collectDataMap());
    return { columns, tables: groupByTable(columns) };
  });

  app.get('/api/privacy/policy', { schema: { tags, summary: 'The current privacy policy (PRIN-6)', response: { 200: PolicyOut } } }, async () =>
    latestPolicy(deps),
  );

  app.get<{ Querystring: { limit: number } }>(
    '/api/privacy/policy/versions',
    { schema: { tags, summary: 'Published versions, newest first', querystring: VersionsQuery } },
    async (request) => ({ versions: await listPolicyVersions(deps, request.query.limit) }),
  );

  app.get<{ Params: { hash: string } }>(
    '/api/privacy/policy/:hash',
    { schema: { tags, summary: 'One published version by its hash', params: HashParams, response: { 200: PolicyOut } } },
    async (request) => policyByHash(deps, request.params.hash),
  );

  app.get('/api/privacy/cookie-consent', { schema: { tags, summary: 'This browser’s cookie choice', response: { 200: ConsentState } } }, async (request) =>
    cookieConsentState(deps, visitorIdOf(request)),
  );

  app.post<{ Body: { categories: Record<string, boolean> } }>(
    '/api/privacy/cookie-consent',
    { schema: { tags, summary: 'Give, refuse or withdraw cookie consent (COOK-1, COOK-3)', body: ConsentBody, response: { 200: ConsentState } } },
    async (request, reply) => {
      const visitorId = visitorIdOf(request) ?? newVisitorId();
      const userId = await maybeUserId(auth, request);
      const state = await recordCookieConsent(deps, { visitorId, userId }, request.body.categories);
      reply.setCookie(CONSENT_COOKIE, visitorId, { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: CONSENT_COOKIE_SECONDS });
      return state;
    },
  );

  app.get('/api/privacy/cookie-consent/proof', { schema: { tags, summary: 'This browser’s consent records, as a download' } }, async (request, reply) => {
    const records = await cookieConsentProof(deps, visitorIdOf(request));
    reply.header('content-disposition', 'attachment; filename="steward-cookie-consent.json"');
    return { records };
  });

  app.get<{ Params: { file: string } }>(
    '/api/privacy/pixel/:file',
    { schema: { tags, summary: 'Email open pixel: counts only with analytics consent (COOK-4)', params: PixelParams } },
    async (request, reply) => {
      await recordMailOpen(deps, request.params.file);
      return reply.header('cache-control', 'no-store').type('image/gif').send(PIXEL_GIF);
    },
  );
}
