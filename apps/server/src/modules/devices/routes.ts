import { Type } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import type { Auth } from '../accounts/auth.ts';
import { guard, signedIn } from '../accounts/current-session.ts';
import { createEnrollment } from './create-enrollment.ts';
import { CommandIn, CommandOut, DeviceDetailOut, DeviceOut } from './device-views.ts';
import { deviceDetail, listDevices } from './list-devices.ts';
import { renameDevice } from './rename-device.ts';
import { type CommandRequest, sendCommand } from './send-command.ts';
import { signOutDevice } from './sign-out-device.ts';
import { unlinkDevice } from './unlink-device.ts';

const tags = ['devices'];
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
export const DeviceName = Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' });
const Rename = Type.Object({ name: DeviceName }, { additionalProperties: false });

/** The owner's side of devices and anti-theft, all scoped to the signed-in user. */
export async function deviceRoutes(app: FastifyInstance, opts: { auth: Auth; deps: Deps }) {
  const { auth, deps } = opts;
  app.addHook('onRequest', guard(auth));

  app.post(
    '/api/account/devices/enrollments',
    {
      config: { rateLimit: { max: Math.max(1, Math.floor(deps.config.rateLimitPerMinute / 10)), timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'A code to type into a device to link it (DEV-1): 15 minutes, once',
        response: { 201: Type.Object({ code: Type.String(), expiresAt: Type.String({ format: 'date-time' }) }) },
      },
    },
    async (request, reply) => {
      const { code, expiresAt } = await createEnrollment(deps, signedIn(request).userId);
      return reply.code(201).send({ code, expiresAt: expiresAt.toISOString() });
    },
  );

  app.get(
    '/api/account/devices',
    { schema: { tags, summary: 'My devices: protection status, open problems, last check-in (DEV-2)', response: { 200: Type.Array(DeviceOut) } } },
    async (request) => listDevices(deps, signedIn(request).userId),
  );

  app.get<{ Params: { id: string } }>(
    '/api/account/devices/:id',
    { schema: { tags, summary: 'One device with its command log (DEV-3)', params: IdParams, response: { 200: DeviceDetailOut } } },
    async (request) => deviceDetail(deps, signedIn(request).userId, request.params.id),
  );

  app.patch<{ Params: { id: string }; Body: { name: string } }>(
    '/api/account/devices/:id',
    { schema: { tags, summary: 'Rename a device', params: IdParams, body: Rename, response: { 200: DeviceOut } } },
    async (request) => renameDevice(deps, signedIn(request).userId, request.params.id, request.body.name.trim()),
  );

  app.delete<{ Params: { id: string } }>(
    '/api/account/devices/:id',
    { schema: { tags, summary: 'Unlink a device: its token stops working at once and its data is deleted', params: IdParams } },
    async (request, reply) => {
      await unlinkDevice(deps, signedIn(request).userId, request.params.id);
      return reply.code(204).send();
    },
  );

  app.delete<{ Params: { id: string } }>(
    '/api/account/devices/:id/token',
    {
      schema: {
        tags,
        summary: 'Sign a device out: its token stops working at once; the device and its history stay until it is linked again',
        params: IdParams,
      },
    },
    async (request, reply) => {
      await signOutDevice(deps, signedIn(request).userId, request.params.id);
      return reply.code(204).send();
    },
  );

  app.post<{ Params: { id: string }; Body: CommandRequest }>(
    '/api/account/devices/:id/commands',
    {
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Lock, sound an alarm, wipe (fresh sign-in) or fix a problem; confirm: true (DEV-2, DEV-3)',
        params: IdParams,
        body: CommandIn,
        response: { 201: CommandOut },
      },
    },
    async (request, reply) => reply.code(201).send(await sendCommand(deps, signedIn(request), request.params.id, request.body)),
  );
}
