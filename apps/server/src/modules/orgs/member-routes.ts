import { Type } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import type { Auth } from '../accounts/auth.ts';
import { signedIn } from '../accounts/current-session.ts';
import { MemberEdit, MemberOut, MemberParams } from './company-schemas.ts';
import { transferOwnership } from './hand-over-company.ts';
import { editMember, leaveCompany, listMembers, type MemberEdit as MemberEditInput, removeMember, resetColleaguePassword } from './members.ts';
import { requireMembership } from './membership.ts';

const tags = ['companies'];

/** An administrator's work on colleagues' accounts (ORG-3); registered inside companyRoutes, behind its guard. */
export async function memberRoutes(app: FastifyInstance, opts: { auth: Auth; deps: Deps }) {
  const { auth, deps } = opts;
  const administrator = (request: FastifyRequest) => requireMembership(deps, signedIn(request).userId, { administrator: true });

  app.get(
    '/api/companies/current/members',
    { schema: { tags, summary: 'The company’s members (administrators)', response: { 200: Type.Array(MemberOut) } } },
    async (request) => listMembers(deps, await administrator(request)),
  );

  app.patch<{ Params: { memberId: string }; Body: MemberEditInput }>(
    '/api/companies/current/members/:memberId',
    {
      schema: {
        tags,
        summary: 'Correct a colleague’s name or language, or set their role (ORG-3)',
        params: MemberParams,
        body: MemberEdit,
        response: { 200: MemberOut },
      },
    },
    async (request) => editMember(deps, await administrator(request), request.params.memberId, request.body),
  );

  app.post<{ Params: { memberId: string } }>(
    '/api/companies/current/members/:memberId/password-reset',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 hour', keyGenerator: (request: FastifyRequest) => `company-reset:${signedIn(request).userId}` } },
      schema: {
        tags,
        summary: 'Send a colleague a password-reset link (ORG-3); nobody else sees the password',
        params: MemberParams,
        response: { 202: Type.Null() },
      },
    },
    async (request, reply) => {
      await resetColleaguePassword(auth, deps, await administrator(request), request.params.memberId);
      return reply.code(202).send();
    },
  );

  app.delete<{ Params: { memberId: string } }>(
    '/api/companies/current/members/:memberId',
    { schema: { tags, summary: 'Remove a colleague from the company; their personal account stays', params: MemberParams, response: { 204: Type.Null() } } },
    async (request, reply) => {
      await removeMember(deps, await administrator(request), request.params.memberId);
      return reply.code(204).send();
    },
  );

  app.post<{ Params: { memberId: string } }>(
    '/api/companies/current/members/:memberId/ownership',
    {
      schema: {
        tags,
        summary: 'Hand the company over: the colleague becomes its owner, I stay an administrator (owner only)',
        params: MemberParams,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await transferOwnership(deps, await administrator(request), request.params.memberId);
      return reply.code(204).send();
    },
  );

  app.delete(
    '/api/companies/current/membership',
    { schema: { tags, summary: 'Leave the company; my personal account stays', response: { 204: Type.Null() } } },
    async (request, reply) => {
      await leaveCompany(deps, await requireMembership(deps, signedIn(request).userId));
      return reply.code(204).send();
    },
  );
}
