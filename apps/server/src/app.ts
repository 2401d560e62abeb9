import { existsSync } from 'node:fs';
import { join } from 'node:path';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { type Auth, createAuth } from './modules/accounts/auth.ts';
import { authRoutes } from './modules/accounts/auth-routes.ts';
import { registerAccountJobs } from './modules/accounts/jobs.ts';
import { accountRoutes } from './modules/accounts/routes.ts';
import { communityMemberRoutes, communityReadRoutes } from './modules/community/routes.ts';
import { registerContractJobs } from './modules/contracts/jobs.ts';
import { contractRoutes } from './modules/contracts/routes.ts';
import { deviceApiRoutes } from './modules/devices/device-api-routes.ts';
import { registerDeviceJobs } from './modules/devices/jobs.ts';
import { deviceRoutes } from './modules/devices/routes.ts';
import { diagApiRoutes } from './modules/diagnostics/diag-api-routes.ts';
import { reportRoutes } from './modules/diagnostics/routes.ts';
import { registerLicenseJobs } from './modules/licenses/jobs.ts';
import { productApiRoutes } from './modules/licenses/product-api-routes.ts';
import { licenseRoutes } from './modules/licenses/routes.ts';
import { registerMailguardJobs } from './modules/mailguard/jobs.ts';
import { mailguardRoutes } from './modules/mailguard/routes.ts';
import { companyRoutes } from './modules/orgs/routes.ts';
import { registerRetentionJobs } from './modules/privacy/retention/jobs.ts';
import { retentionRoutes } from './modules/privacy/retention/routes.ts';
import { registerRightsJobs } from './modules/privacy/rights/jobs.ts';
import { rightsRoutes } from './modules/privacy/rights/routes.ts';
import { privacyRoutes } from './modules/privacy/routes.ts';
import { registerPurchaseJobs } from './modules/purchases/jobs.ts';
import { purchaseRoutes } from './modules/purchases/routes.ts';
import { auditRoutes } from './modules/staff/audit-routes.ts';
import { staffRoutes } from './modules/staff/routes.ts';
import { statsBeaconRoutes, statsStaffRoutes } from './modules/stats/routes.ts';
import { attachmentRoutes } from './modules/support/attachment-routes.ts';
import { registerSupportJobs } from './modules/support/jobs.ts';
import { supportRoutes } from './modules/support/routes.ts';
import { supportStaffRoutes } from './modules/support/staff-routes.ts';
import { surveyRoutes } from './modules/support/survey-routes.ts';
import { registerWorkspaceJobs } from './modules/workspaces/jobs.ts';
import { workspaceRoutes } from './modules/workspaces/routes.ts';
import { workspaceStaffRoutes } from './modules/workspaces/staff-routes.ts';
import type { Deps } from './platform/deps.ts';
import { problems } from './platform/errors.ts';
import { healthRoutes } from './platform/http/health.ts';
import { problemHandler, sendProblem } from './platform/http/problem-handler.ts';
import { addSecurityHeaders } from './platform/http/security-headers.ts';
import { validatorCompiler } from './platform/http/validation.ts';

export interface RouteEntry {
  method: string;
  url: string;
  schema: { body?: unknown; querystring?: unknown; hide?: boolean } | undefined;
}

export interface App {
  app: FastifyInstance;
  auth: Auth;
  /** Every route as registered, so tests can cover each one without a list of their own. */
  routes: RouteEntry[];
}

const JSON_BODY_LIMIT = 64 * 1024;

export async function buildApp(deps: Deps): Promise<App> {
  const app = Fastify({
    loggerInstance: deps.log,
    bodyLimit: JSON_BODY_LIMIT,
    trustProxy: process.env.TRUST_PROXY === 'true',
  });
  app.setValidatorCompiler(validatorCompiler);
  const routes: RouteEntry[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.push({ method, url: route.url, schema: route.schema as RouteEntry['schema'] });
  });
  await app.register(problemHandler);
  addSecurityHeaders(app, {
    contentSecurityPolicy: {
      directives: { 'script-src': ["'self'"], 'img-src': ["'self'", 'data:'], 'style-src': ["'self'", "'unsafe-inline'"] },
    },
  });
  await app.register(cookie);
  await app.register(rateLimit, {
    global: true,
    max: deps.config.rateLimitPerMinute,
    timeWindow: '1 minute',
    // The limit is the API's: the web app's pages and assets are files, and a 429 on one leaves a blank page.
    allowList: (request) => !request.url.startsWith('/api/'),
    redis: deps.redis,
    nameSpace: 'steward-rl:',
    errorResponseBuilder: (_request, context) => ({ statusCode: 429, message: `Retry in ${context.after}` }),
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Steward API', version: '0.1.0', description: 'Customer platform and privacy engine' },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  const auth = createAuth(deps);
  await app.register(healthRoutes, { deps });
  await app.register(authRoutes, { auth });
  await app.register(accountRoutes, { auth, deps });
  await app.register(privacyRoutes, { auth, deps });
  await app.register(rightsRoutes, { auth, deps });
  await app.register(staffRoutes, { auth, deps });
  await app.register(auditRoutes, { auth, deps });
  await app.register(retentionRoutes, { auth, deps });
  await app.register(statsBeaconRoutes, { deps });
  await app.register(statsStaffRoutes, { auth, deps });
  await app.register(licenseRoutes, { auth, deps });
  await app.register(productApiRoutes, { auth, deps });
  await app.register(purchaseRoutes, { auth, deps });
  await app.register(deviceRoutes, { auth, deps });
  await app.register(companyRoutes, { auth, deps });
  await app.register(deviceApiRoutes, { auth, deps });
  await app.register(supportRoutes, { auth, deps });
  await app.register(supportStaffRoutes, { auth, deps });
  await app.register(attachmentRoutes, { auth, deps });
  await app.register(surveyRoutes, { auth, deps });
  await app.register(reportRoutes, { auth, deps });
  await app.register(diagApiRoutes, { auth, deps });
  await app.register(communityReadRoutes, { auth, deps });
  await app.register(communityMemberRoutes, { auth, deps });
  await app.register(workspaceRoutes, { auth, deps });
  await app.register(workspaceStaffRoutes, { auth, deps });
  await app.register(contractRoutes, { auth, deps });
  await app.register(mailguardRoutes, { auth, deps });

  const webDist = deps.config.webDist;
  const serveWeb = existsSync(join(webDist, 'index.html'));
  if (serveWeb) await app.register(fastifyStatic, { root: webDist, wildcard: false });
  app.setNotFoundHandler((request, reply) => {
    // The single-page app owns every page path the API does not.
    if (serveWeb && request.method === 'GET' && !request.url.startsWith('/api/')) return reply.sendFile('index.html');
    return sendProblem(reply, request, problems.notFound('route'));
  });
  return { app, auth, routes };
}

/** The scheduled work of every module, on this process's job runner. */
export async function registerJobs(deps: Deps): Promise<void> {
  if (!deps.jobs) return;
  await registerAccountJobs(deps, deps.jobs);
  await registerRetentionJobs(deps, deps.jobs);
  await registerRightsJobs(deps, deps.jobs);
  await registerLicenseJobs(deps, deps.jobs);
  await registerPurchaseJobs(deps, deps.jobs);
  await registerDeviceJobs(deps, deps.jobs);
  await registerSupportJobs(deps, deps.jobs);
  await registerWorkspaceJobs(deps, deps.jobs);
  await registerContractJobs(deps, deps.jobs);
  await registerMailguardJobs(deps, deps.jobs);
}
