import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import type { Auth } from '../accounts/auth.ts';
import { guard, optionalUser, signedIn } from '../accounts/current-session.ts';
import { type CallbackOutcome, callbackRedirect, completeAuthorization, startAuthorization } from './authorize-connection.ts';
import { type AutomaticSetupInput, automaticSetup } from './automatic-setup.ts';
import { disconnect, protectedLicenses, type SettingsInput, updateSettings } from './connections.ts';
import {
  AuthorizationIn,
  AuthorizationOut,
  AutomaticSetupIn,
  AutomaticSetupOut,
  CallbackQuery,
  ConnectionOut,
  IdParams,
  OverviewOut,
  SettingsIn,
} from './mailguard-schemas.ts';
import { mailProviders } from './providers/mail-providers.ts';
import { testProviderRoutes } from './providers/test-provider-routes.ts';
import type { ConnectionKind } from './schema.ts';
import { mailguardStaffRoutes } from './staff-routes.ts';

const tags = ['mail-protection'];
type Id = { Params: { id: string } };

/** Mail and file protection for the licenses the caller manages: connect by OAuth 2.0 (MAIL-1), settings, disconnect. */
async function customerRoutes(app: FastifyInstance, opts: { auth: Auth; deps: Deps }) {
  const { auth, deps } = opts;
  app.addHook('onRequest', guard(auth));

  app.get(
    '/api/mail-protection',
    { schema: { tags, summary: 'My protected mailboxes and file stores, by license', response: { 200: OverviewOut } } },
    async (request) => ({
      providers: mailProviders(deps).all.map((p) => ({ id: p.id, name: p.name, kinds: [...p.kinds], automaticSetup: p.automaticSetup !== undefined })),
      licenses: await protectedLicenses(deps, signedIn(request).userId),
    }),
  );

  app.post<{ Body: { licenseId: string; kind: ConnectionKind; provider: string } }>(
    '/api/mail-protection/authorizations',
    {
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Start the provider’s OAuth 2.0 consent for a mailbox or file store (MAIL-1)',
        body: AuthorizationIn,
        response: { 201: AuthorizationOut },
      },
    },
    async (request, reply) => reply.code(201).send(await startAuthorization(deps, signedIn(request).userId, request.body)),
  );

  app.post<{ Body: AutomaticSetupInput }>(
    '/api/mail-protection/automatic-setup',
    {
      config: { rateLimit: { max: 5, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Connect an organisation’s mailboxes with its administrator’s sign-in, used once and never saved (MAIL-1)',
        body: AutomaticSetupIn,
        response: { 201: AutomaticSetupOut },
      },
    },
    async (request, reply) => reply.code(201).send(await automaticSetup(deps, signedIn(request).userId, request.body)),
  );

  app.patch<Id & { Body: SettingsInput }>(
    '/api/mail-protection/connections/:id',
    { schema: { tags, summary: 'Protection settings of a connection (MAIL-2)', params: IdParams, body: SettingsIn, response: { 200: ConnectionOut } } },
    (request) => updateSettings(deps, signedIn(request).userId, request.params.id, request.body),
  );

  app.delete<Id>(
    '/api/mail-protection/connections/:id',
    { schema: { tags, summary: 'Disconnect: the access goes back to the provider, the scan records are deleted', params: IdParams } },
    async (request, reply) => {
      await disconnect(deps, signedIn(request).userId, request.params.id);
      return reply.code(204).send();
    },
  );
}

/**
 * Where the provider sends the browser back. Not behind the session guard: a session that ended during the consent
 * gets a page saying so instead of an error document, and the authorization lapses unused.
 */
async function callbackRoutes(app: FastifyInstance, opts: { auth: Auth; deps: Deps }) {
  const { auth, deps } = opts;
  app.get<{ Querystring: { state: string; code?: string; error?: string } }>(
    '/api/mail-protection/oauth/callback',
    { schema: { tags, summary: 'Where the provider sends the browser back after consent', querystring: CallbackQuery } },
    async (request, reply) => {
      const caller = await optionalUser(auth, request);
      const outcome: CallbackOutcome = caller ? await completeAuthorization(deps, caller.userId, request.query) : { error: 'signed-out' };
      return reply.redirect(callbackRedirect(outcome), 303);
    },
  );
}

/** The mail protection service: the customers' routes, the staff's notices, and the test provider where it runs. */
export async function mailguardRoutes(app: FastifyInstance, opts: { auth: Auth; deps: Deps }) {
  await app.register(customerRoutes, opts);
  await app.register(callbackRoutes, opts);
  await app.register(mailguardStaffRoutes, opts);
  const test = mailProviders(opts.deps).test;
  if (test) await app.register(testProviderRoutes, { deps: opts.deps, provider: test });
}
