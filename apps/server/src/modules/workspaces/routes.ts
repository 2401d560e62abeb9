import { Type } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import type { Auth } from '../accounts/auth.ts';
import { guard, signedIn } from '../accounts/current-session.ts';
import { CommandIn, CommandOut, DeviceOut } from '../devices/device-views.ts';

import type { CommandRequest } from '../devices/send-command.ts';
import { listWorkspaceDevices, sendWorkspaceCommand } from '../devices/workspace-devices.ts';
import { requireWorkspaceRole } from './access.ts';
import { deleteWorkspaceAsOwner } from './delete-workspace.ts';
import { createEnrollmentToken } from './enrollment-tokens.ts';
import { createWorkspace, getWorkspace, listWorkspaces } from './manage-workspaces.ts';
import type { WorkspaceRole } from './schema.ts';
import { listMembers, removeMember, setMemberRole } from './workspace-members.ts';
import { DeviceParams, MemberOut, MemberParams, RoleIn, WorkspaceOut, WorkspaceParams } from './workspace-view.ts';

const tags = ['workspaces'];
const BASE = '/api/companies/current/workspaces';
const CreateIn = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' }), licenseId: Type.String({ format: 'uuid' }) },
  { additionalProperties: false },
);
const RoleBody = Type.Object({ role: RoleIn }, { additionalProperties: false });
const TokenOut = Type.Object({ token: Type.String(), expiresAt: Type.String() });
const perUser = (max: number) => ({ rateLimit: { max, timeWindow: '1 minute' } });

/** A company's cloud workspaces (WS-1): rights per workspace, devices enrolled by workspace token. */
export async function workspaceRoutes(app: FastifyInstance, opts: { auth: Auth; deps: Deps }) {
  const { auth, deps } = opts;
  app.addHook('onRequest', guard(auth));
  const me = (request: Parameters<typeof signedIn>[0]) => signedIn(request).userId;

  app.get(
    BASE,
    { schema: { tags, summary: 'Workspaces I have a role in; administrators see all (WS-1)', response: { 200: Type.Array(WorkspaceOut) } } },
    (request) => listWorkspaces(deps, me(request)),
  );

  app.post<{ Body: { name: string; licenseId: string } }>(
    BASE,
    {
      config: perUser(20),
      schema: { tags, summary: 'Create a workspace on a company license: administrators (WS-1)', body: CreateIn, response: { 201: WorkspaceOut } },
    },
    async (request, reply) =>
      reply.code(201).send(await createWorkspace(deps, me(request), { name: request.body.name.trim(), licenseId: request.body.licenseId })),
  );

  app.get<{ Params: { id: string } }>(
    `${BASE}/:id`,
    { schema: { tags, summary: 'One workspace (WS-1)', params: WorkspaceParams, response: { 200: WorkspaceOut } } },
    (request) => getWorkspace(deps, me(request), request.params.id),
  );

  app.delete<{ Params: { id: string } }>(
    `${BASE}/:id`,
    { schema: { tags, summary: 'Delete the workspace and everything in it: its owners (WS-3)', params: WorkspaceParams, response: { 204: Type.Null() } } },
    async (request, reply) => {
      await deleteWorkspaceAsOwner(deps, me(request), request.params.id);
      return reply.code(204).send();
    },
  );

  app.get<{ Params: { id: string } }>(
    `${BASE}/:id/members`,
    { schema: { tags, summary: 'Who has which role in the workspace (WS-1)', params: WorkspaceParams, response: { 200: Type.Array(MemberOut) } } },
    (request) => listMembers(deps, me(request), request.params.id),
  );

  app.put<{ Params: { id: string; userId: string }; Body: { role: WorkspaceRole } }>(
    `${BASE}/:id/members/:userId`,
    {
      config: perUser(60),
      schema: { tags, summary: 'Give a colleague a role: owners and admins (WS-1)', params: MemberParams, body: RoleBody, response: { 200: MemberOut } },
    },
    (request) => setMemberRole(deps, me(request), request.params.id, { userId: request.params.userId, role: request.body.role }),
  );

  app.delete<{ Params: { id: string; userId: string } }>(
    `${BASE}/:id/members/:userId`,
    { schema: { tags, summary: 'Take a colleague’s role away: owners and admins (WS-1)', params: MemberParams, response: { 204: Type.Null() } } },
    async (request, reply) => {
      await removeMember(deps, me(request), request.params.id, request.params.userId);
      return reply.code(204).send();
    },
  );

  app.post<{ Params: { id: string } }>(
    `${BASE}/:id/enrollment-tokens`,
    {
      config: perUser(10),
      schema: {
        tags,
        summary: 'A token that enrolls machines into the workspace: operators and up (WS-1)',
        params: WorkspaceParams,
        response: { 201: TokenOut },
      },
    },
    async (request, reply) => reply.code(201).send(await createEnrollmentToken(deps, me(request), request.params.id)),
  );

  app.get<{ Params: { id: string } }>(
    `${BASE}/:id/devices`,
    {
      schema: { tags, summary: 'The workspace’s managed devices with their status (WS-1)', params: WorkspaceParams, response: { 200: Type.Array(DeviceOut) } },
    },
    async (request) => {
      await requireWorkspaceRole(deps, me(request), request.params.id, 'viewer');
      return listWorkspaceDevices(deps, request.params.id);
    },
  );

  app.post<{ Params: { id: string; deviceId: string }; Body: CommandRequest }>(
    `${BASE}/:id/devices/:deviceId/commands`,
    {
      config: perUser(30),
      schema: {
        tags,
        summary: 'Lock, alarm, wipe (fresh sign-in) or fix a workspace device: operators and up (WS-1)',
        params: DeviceParams,
        body: CommandIn,
        response: { 201: CommandOut },
      },
    },
    async (request, reply) => {
      await requireWorkspaceRole(deps, me(request), request.params.id, 'operator');
      return reply.code(201).send(await sendWorkspaceCommand(deps, signedIn(request), request.params.id, request.params.deviceId, request.body));
    },
  );
}
