import { Type } from '@fastify/type-provider-typebox';
import type { CheckinReport } from '@steward/client';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import type { Auth } from '../accounts/auth.ts';
import { type Acknowledgement, acknowledgeCommand } from './acknowledge-command.ts';
import { checkins } from './checkin.ts';
import { CheckinFieldOut, checkinFields } from './checkin-fields.ts';
import { deviceErrors } from './device-errors.ts';
import { authenticateDevice, bearerToken, parseDeviceToken } from './device-token.ts';
import { DeliveredCommandOut } from './device-views.ts';
import { type Enrollment, enrollDevice } from './enroll-device.ts';
import { refuseLocation } from './location-fields.ts';
import { DEVICE_TOKEN_SCOPES, PROTECTION_STATUSES } from './schema.ts';

const tags = ['product-api'];
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

const EnrollIn = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 64, description: 'The enrollment code from the account, or a workspace enrollment token' }),
    fingerprint: Type.String({ minLength: 8, maxLength: 256 }),
    name: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' }),
    platform: Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9][A-Za-z0-9 ._-]*$' }),
    productVersion: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
  },
  { additionalProperties: false },
);
const EnrollOut = Type.Object({
  deviceId: Type.String(),
  token: Type.String(),
  scopes: Type.Array(Type.Union(DEVICE_TOKEN_SCOPES.map((s) => Type.Literal(s)))),
});

export const CheckinIn = Type.Object(
  {
    protectionStatus: Type.Union(
      PROTECTION_STATUSES.map((s) => Type.Literal(s)),
      { description: 'Whether the product currently protects the device' },
    ),
    productVersion: Type.Optional(Type.String({ minLength: 1, maxLength: 40, description: 'The installed product version' })),
    problems: Type.Array(
      Type.Object(
        {
          code: Type.String({ pattern: '^[a-z0-9][a-z0-9._-]{0,63}$', description: 'Stable code of a problem the product found' }),
          detail: Type.Optional(Type.String({ maxLength: 500, description: 'The product’s explanation of the problem' })),
          fixable: Type.Optional(Type.Boolean({ description: 'Whether a remote fix exists' })),
        },
        { additionalProperties: false },
      ),
      { maxItems: 50, description: 'The problems open on the device now' },
    ),
  },
  { additionalProperties: false },
);
const CheckinOut = Type.Object({ commands: Type.Array(DeliveredCommandOut) });

const AckIn = Type.Object(
  {
    status: Type.Union([Type.Literal('acknowledged'), Type.Literal('failed')]),
    result: Type.Optional(
      Type.Union([
        Type.String({ maxLength: 500 }),
        Type.Object(
          {},
          {
            maxProperties: 10,
            propertyNames: { maxLength: 40 },
            additionalProperties: Type.Union([Type.String({ maxLength: 500 }), Type.Number(), Type.Boolean()]),
          },
        ),
      ]),
    ),
  },
  { additionalProperties: false },
);

/** A device's rate is its own: many devices share one address behind a router. */
const perDevice = (max: number) => ({
  rateLimit: {
    max,
    timeWindow: '1 minute',
    keyGenerator: (request: FastifyRequest) => {
      const token = bearerToken(request.headers.authorization);
      return (token && parseDeviceToken(token)?.deviceId) || request.ip;
    },
  },
});

/**
 * The product API of devices. Bodies are checked for location first (DEV-4), then against the
 * schema, and only then is the device token looked at, so a bad body gets a 400 naming its field.
 */
export async function deviceApiRoutes(app: FastifyInstance, opts: { auth: Auth; deps: Deps }) {
  const { deps } = opts;
  const recorder = checkins(deps);
  app.addHook('onClose', () => recorder.close());
  app.addHook('preValidation', refuseLocation);

  app.get(
    '/api/v1/devices/checkin/fields',
    {
      schema: {
        tags,
        summary: 'What a managed device sends at each check-in, generated from the check-in schema (WS-2)',
        response: { 200: Type.Array(CheckinFieldOut) },
      },
    },
    async () => checkinFields(CheckinIn),
  );

  app.post<{ Body: Enrollment }>(
    '/api/v1/devices/enroll',
    {
      config: { rateLimit: { max: Math.max(1, Math.floor(deps.config.rateLimitPerMinute / 10)), timeWindow: '1 minute' } },
      schema: { tags, summary: 'Link this device with the enrollment code from the account (DEV-1)', body: EnrollIn, response: { 201: EnrollOut } },
    },
    async (request, reply) => reply.code(201).send(await enrollDevice(deps, request.body)),
  );

  app.post<{ Body: CheckinReport }>(
    '/api/v1/devices/checkin',
    {
      // The hot path: no per-request log lines (thousands a second).
      logLevel: 'warn',
      bodyLimit: 16 * 1024,
      config: perDevice(deps.config.rateLimitPerMinute),
      schema: {
        tags,
        summary: 'Report protection status, version and problems (device token); answers with waiting commands. Location is refused (DEV-4)',
        body: CheckinIn,
        response: { 200: CheckinOut },
      },
    },
    async (request) => ({ commands: await recorder.checkin(bearerToken(request.headers.authorization), request.body) }),
  );

  app.post<{ Params: { id: string }; Body: Acknowledgement }>(
    '/api/v1/devices/commands/:id/ack',
    {
      config: perDevice(60),
      schema: { tags, summary: 'The device confirms a command, or reports that it failed (DEV-3)', params: IdParams, body: AckIn },
    },
    async (request, reply) => {
      const token = bearerToken(request.headers.authorization);
      const device = token ? await authenticateDevice(deps, token, 'commands') : null;
      if (!device) throw deviceErrors.deviceUnauthenticated();
      await acknowledgeCommand(deps, device.deviceId, request.params.id, request.body);
      return reply.code(204).send();
    },
  );
}
