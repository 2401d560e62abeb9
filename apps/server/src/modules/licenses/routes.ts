import { Type } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import type { Auth } from '../accounts/auth.ts';
import { guard, signedIn } from '../accounts/current-session.ts';
import { addLicenseByCode } from './add-license.ts';
import { setAutoRenew } from './auto-renew.ts';
import { bindLicense, unbindLicense } from './bind-license.ts';
import { ensureCatalogue } from './catalogue.ts';
import { AddLicense, AutoRenew, Bind, BindingOut, BindingParams, IdParams, LicenseOut, Reminders, RemindersOut } from './license-schemas.ts';
import { licenseViews } from './license-view.ts';
import { getReminderChoice, setReminderChoice } from './reminder-choice.ts';

const tags = ['licenses'];

/** Ten codes a minute per account: a person typing codes never hits it, a guesser gets nowhere (LIC-1). */
const CODE_ATTEMPTS = { rateLimit: { max: 10, timeWindow: '1 minute', keyGenerator: (request: FastifyRequest) => `license-code:${signedIn(request).userId}` } };

/** The account's licenses: add by code, bind to own devices within seats, auto-renewal and reminders (LIC-1, LIC-2). */
export async function licenseRoutes(app: FastifyInstance, opts: { auth: Auth; deps: Deps }) {
  const { auth, deps } = opts;
  app.addHook('onReady', () => ensureCatalogue(deps));
  app.addHook('onRequest', guard(auth));

  app.get('/api/account/licenses', { schema: { tags, summary: 'My licenses with their seats', response: { 200: Type.Array(LicenseOut) } } }, async (request) =>
    licenseViews(deps, signedIn(request).userId),
  );

  app.post<{ Body: { code: string } }>(
    '/api/account/licenses',
    {
      config: CODE_ATTEMPTS,
      schema: { tags, summary: 'Add a license by its activation code (LIC-1)', body: AddLicense, response: { 200: LicenseOut, 201: LicenseOut } },
    },
    async (request, reply) => {
      const { license, added } = await addLicenseByCode(deps, signedIn(request).userId, request.body.code);
      return reply.code(added ? 201 : 200).send(license);
    },
  );

  app.patch<{ Params: { id: string }; Body: { autoRenew: boolean } }>(
    '/api/account/licenses/:id',
    { schema: { tags, summary: 'Turn auto-renewal on or off, a choice of its own (LIC-2)', params: IdParams, body: AutoRenew, response: { 200: LicenseOut } } },
    async (request) => setAutoRenew(deps, signedIn(request).userId, request.params.id, request.body.autoRenew),
  );

  app.post<{ Params: { id: string }; Body: { deviceId: string } }>(
    '/api/account/licenses/:id/bindings',
    {
      schema: { tags, summary: 'Bind the license to one of my devices, within its seats (LIC-1)', params: IdParams, body: Bind, response: { 201: BindingOut } },
    },
    async (request, reply) => reply.code(201).send(await bindLicense(deps, signedIn(request).userId, request.params.id, request.body.deviceId)),
  );

  app.delete<{ Params: { id: string; activationId: string } }>(
    '/api/account/licenses/:id/bindings/:activationId',
    { schema: { tags, summary: 'Release a seat', params: BindingParams, response: { 204: Type.Null() } } },
    async (request, reply) => {
      await unbindLicense(deps, signedIn(request).userId, request.params.id, request.params.activationId);
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/account/license-reminders',
    { schema: { tags, summary: 'Whether I get expiry reminders (LIC-2)', response: { 200: RemindersOut } } },
    async (request) => getReminderChoice(deps, signedIn(request).userId),
  );

  app.put<{ Body: { reminders: boolean } }>(
    '/api/account/license-reminders',
    { schema: { tags, summary: 'Opt in to or out of expiry reminders, off by default (LIC-2)', body: Reminders, response: { 200: RemindersOut } } },
    async (request) => setReminderChoice(deps, signedIn(request).userId, request.body.reminders),
  );
}
