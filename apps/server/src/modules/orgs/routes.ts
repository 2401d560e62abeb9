import { Type } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import type { Auth } from '../accounts/auth.ts';
import { guard, signedIn } from '../accounts/current-session.ts';
import { setCompanyBlocked } from './block-company.ts';
import {
  CompanyEdit,
  CompanyOut,
  CompanyParams,
  DomainIn,
  InvitationForInviteeOut,
  InvitationOut,
  InvitationParams,
  JoinableOut,
  NewCompany,
  NewInvitation,
  NoticeOut,
} from './company-schemas.ts';
import { companyView } from './company-view.ts';
import { joinableCompany, joinByDomain, setCompanyDomain } from './domain-join.ts';
import { acceptInvitation, cancelInvitation, inviteColleague, listInvitations, readInvitation } from './invitations.ts';
import { companyLicenseRoutes } from './license-routes.ts';
import { memberRoutes } from './member-routes.ts';
import { type AssignableRole, requireMembership } from './membership.ts';
import { listNotices } from './notices.ts';
import { type NewCompany as NewCompanyInput, registerCompany } from './register-company.ts';
import { type CompanyEdit as CompanyEditInput, updateCompany } from './update-company.ts';

const tags = ['companies'];

const perUser = (name: string, max: number, timeWindow: string) => ({
  rateLimit: { max, timeWindow, keyGenerator: (request: FastifyRequest) => `${name}:${signedIn(request).userId}` },
});

/** Company accounts (ORG-1..ORG-3): register, join by invitation or verified domain, administer. */
export async function companyRoutes(app: FastifyInstance, opts: { auth: Auth; deps: Deps }) {
  const { auth, deps } = opts;
  app.addHook('onRequest', guard(auth));
  const administrator = async (request: FastifyRequest, whileBlocked = false) => {
    const userId = signedIn(request).userId;
    return { ...(await requireMembership(deps, userId, { administrator: true, whileBlocked })), userId };
  };

  app.post<{ Body: NewCompanyInput }>(
    '/api/companies',
    {
      config: perUser('company-register', 5, '1 hour'),
      schema: { tags, summary: 'Register a company; the caller becomes its administrator (ORG-1)', body: NewCompany, response: { 201: CompanyOut } },
    },
    async (request, reply) => reply.code(201).send(await registerCompany(auth, deps, signedIn(request).userId, request.body)),
  );

  app.get('/api/companies/current', { schema: { tags, summary: 'My company, and whether it is blocked', response: { 200: CompanyOut } } }, async (request) =>
    companyView(deps, await requireMembership(deps, signedIn(request).userId, { whileBlocked: true })),
  );

  app.patch<{ Body: CompanyEditInput }>(
    '/api/companies/current',
    {
      schema: {
        tags,
        summary: 'Correct the company’s details, or let colleagues see each other’s support requests (administrators; SUP-4)',
        body: CompanyEdit,
        response: { 200: CompanyOut },
      },
    },
    async (request) => updateCompany(deps, await administrator(request), request.body),
  );

  app.put<{ Body: { domain: string | null } }>(
    '/api/companies/current/domain',
    {
      schema: {
        tags,
        summary: 'Verify the company’s email domain: it must be the administrator’s own verified one',
        body: DomainIn,
        response: { 200: CompanyOut },
      },
    },
    async (request) => setCompanyDomain(deps, await administrator(request), request.body.domain),
  );

  app.get(
    '/api/companies/joinable',
    { schema: { tags, summary: 'The company my verified address’s domain lets me join', response: { 200: JoinableOut } } },
    async (request) => joinableCompany(deps, signedIn(request).userId),
  );

  app.post<{ Params: { companyId: string } }>(
    '/api/companies/:companyId/join',
    {
      config: perUser('company-join', 10, '1 minute'),
      schema: { tags, summary: 'Join a company by my verified address on its domain (ORG-2)', params: CompanyParams, response: { 200: CompanyOut } },
    },
    async (request) => joinByDomain(deps, signedIn(request).userId, request.params.companyId),
  );

  app.post<{ Body: { email: string; role?: AssignableRole } }>(
    '/api/companies/current/invitations',
    {
      config: perUser('company-invite', 30, '1 hour'),
      schema: { tags, summary: 'Invite a colleague by email (administrators)', body: NewInvitation, response: { 201: InvitationOut } },
    },
    async (request, reply) => {
      const invitation = await inviteColleague(deps, await administrator(request), { email: request.body.email, role: request.body.role ?? 'member' });
      return reply.code(201).send(invitation);
    },
  );

  app.get(
    '/api/companies/current/invitations',
    { schema: { tags, summary: 'Open invitations (administrators)', response: { 200: Type.Array(InvitationOut) } } },
    async (request) => listInvitations(deps, await administrator(request)),
  );

  app.delete<{ Params: { invitationId: string } }>(
    '/api/companies/current/invitations/:invitationId',
    { schema: { tags, summary: 'Withdraw an open invitation (administrators)', params: InvitationParams, response: { 204: Type.Null() } } },
    async (request, reply) => {
      await cancelInvitation(deps, await administrator(request), request.params.invitationId);
      return reply.code(204).send();
    },
  );

  app.get<{ Params: { invitationId: string } }>(
    '/api/companies/invitations/:invitationId',
    {
      schema: {
        tags,
        summary: 'An invitation sent to my verified address: the company, role and inviter (ORG-2)',
        params: InvitationParams,
        response: { 200: InvitationForInviteeOut },
      },
    },
    async (request) => readInvitation(deps, signedIn(request).userId, request.params.invitationId),
  );

  app.post<{ Params: { invitationId: string } }>(
    '/api/companies/invitations/:invitationId/accept',
    {
      config: perUser('company-join', 10, '1 minute'),
      schema: { tags, summary: 'Accept an invitation sent to my verified address (ORG-2)', params: InvitationParams, response: { 200: CompanyOut } },
    },
    async (request) => acceptInvitation(deps, signedIn(request).userId, request.params.invitationId),
  );

  app.get(
    '/api/companies/current/notices',
    { schema: { tags, summary: 'Who joined the company (ORG-2; administrators)', response: { 200: Type.Array(NoticeOut) } } },
    async (request) => listNotices(deps, await administrator(request)),
  );

  app.post(
    '/api/companies/current/block',
    { schema: { tags, summary: 'Block the whole company; personal accounts keep working (ORG-3)', response: { 200: CompanyOut } } },
    async (request) => setCompanyBlocked(deps, await administrator(request), true),
  );

  app.delete(
    '/api/companies/current/block',
    { schema: { tags, summary: 'Unblock the company (administrators, also while it is blocked)', response: { 200: CompanyOut } } },
    async (request) => setCompanyBlocked(deps, await administrator(request, true), false),
  );

  await app.register(memberRoutes, { auth, deps });
  await app.register(companyLicenseRoutes, { deps });
}
