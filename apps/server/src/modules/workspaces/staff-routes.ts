import { Type } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import type { Auth } from '../accounts/auth.ts';
import { guard, signedIn } from '../accounts/current-session.ts';
import { deleteWorkspaceBySupport } from './delete-workspace.ts';
import { WorkspaceParams } from './workspace-view.ts';

const Reason = Type.Object({ reason: Type.String({ minLength: 5, maxLength: 500, pattern: '\\S' }) }, { additionalProperties: false });

/** WS-3: support deletes a workspace when the company asks, with the reason in the audit log. */
export async function workspaceStaffRoutes(app: FastifyInstance, opts: { auth: Auth; deps: Deps }) {
  const { auth, deps } = opts;
  app.addHook('onRequest', guard(auth, ['support', 'admin', 'dpo']));
  app.post<{ Params: { id: string }; Body: { reason: string } }>(
    '/api/staff/workspaces/:id/delete',
    {
      schema: {
        tags: ['staff'],
        summary: 'Delete a workspace on the company’s request: support, admins and the DPO (WS-3)',
        params: WorkspaceParams,
        body: Reason,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await deleteWorkspaceBySupport(deps, { actorId: signedIn(request).userId, reason: request.body.reason.trim() }, request.params.id);
      return reply.code(204).send();
    },
  );
}
