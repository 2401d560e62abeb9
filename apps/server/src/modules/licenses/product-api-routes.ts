import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import { problems } from '../../platform/errors.ts';
import type { Auth } from '../accounts/auth.ts';
import { authenticateDevice, bearerToken } from '../devices/device-token.ts';
import { activateByCode, activateOnDevice } from './activate.ts';
import { licenseProblems } from './license-problems.ts';
import { Activate, ActivatedOut, PublicJwk, Validate, ValidationOut } from './license-schemas.ts';
import { licenseSigningKey } from './signing-key.ts';
import { validateLicense } from './validate-license.ts';

const tags = ['product-api'];

/** Activation takes seats and signs tokens: sixty a minute from one address covers an office rolling out. */
const ACTIVATIONS_PER_MINUTE = { rateLimit: { max: 60, timeWindow: '1 minute' } };

interface ActivateBody {
  code?: string;
  licenseId?: string;
  fingerprint: string;
  deviceName?: string;
}

async function activate(deps: Deps, authorization: string | undefined, body: ActivateBody) {
  if (authorization === undefined) {
    if (body.licenseId !== undefined) throw problems.invalidField('licenseId', 'needs a device token; send the activation code instead');
    if (body.code === undefined) throw problems.invalidField('code', 'is required');
    return activateByCode(deps, { code: body.code, fingerprint: body.fingerprint, deviceName: body.deviceName });
  }
  const token = bearerToken(authorization);
  const device = token ? await authenticateDevice(deps, token, 'licenses') : null;
  if (!device) throw licenseProblems.deviceTokenInvalid();
  if (body.code !== undefined) throw problems.invalidField('code', 'is not sent with a device token; send licenseId');
  if (body.licenseId === undefined) throw problems.invalidField('licenseId', 'is required with a device token');
  return activateOnDevice(deps, device, { licenseId: body.licenseId, fingerprint: body.fingerprint });
}

/** What an installed product calls: no session; it proves itself by activation code, device token or license token. */
export async function productApiRoutes(app: FastifyInstance, opts: { auth: Auth; deps: Deps }) {
  const { deps } = opts;

  app.get(
    '/api/v1/license-key',
    { schema: { tags, summary: 'The Ed25519 public key that verifies license tokens offline (JWK)', response: { 200: PublicJwk } } },
    async (_request, reply) => reply.header('cache-control', 'public, max-age=3600').send(licenseSigningKey(deps.config.masterKey).jwk),
  );

  app.post<{ Body: ActivateBody }>(
    '/api/v1/activations',
    {
      config: ACTIVATIONS_PER_MINUTE,
      schema: {
        tags,
        summary: 'Activate by code, or with a device token for a license bound to the device; returns a signed license token',
        body: Activate,
        response: { 201: ActivatedOut },
      },
    },
    async (request, reply) => reply.code(201).send(await activate(deps, request.headers.authorization, request.body)),
  );

  app.post<{ Body: { code?: string; token?: string; fingerprint: string } }>(
    '/api/v1/licenses/validate',
    {
      // Products call this at every start: no per-request log lines.
      logLevel: 'warn',
      schema: {
        tags,
        summary: 'Check a license token or activation code for a device: valid, or a stable reason why not',
        body: Validate,
        response: { 200: ValidationOut },
      },
    },
    async (request) => {
      const { code, token, fingerprint } = request.body;
      if ((code === undefined) === (token === undefined))
        throw problems.invalidField('code', 'send exactly one of an activation code (code) or a license token (token)');
      return validateLicense(deps, { code, token, fingerprint });
    },
  );
}
