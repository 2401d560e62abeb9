import { Type } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import { problems } from '../../platform/errors.ts';
import type { Auth } from '../accounts/auth.ts';
import { STAFF_ROLES, type StaffRole } from '../accounts/auth-options.ts';
import { guard, signedIn } from '../accounts/current-session.ts';
import { type CannedReplyInput, createCannedReply, deleteCannedReply, listCannedReplies, updateCannedReply } from './canned-replies.ts';
import { createDepartment, listAgents, listDepartments, setAgents } from './departments.ts';
import { postStaffMessage } from './post-message.ts';
import { staffRequestView } from './request-view.ts';
import { listRules, type RuleInput, replaceRules } from './routing-rules.ts';
import { type QueueFilter, staffQueue } from './staff-queue.ts';
import {
  AgentOut,
  AgentsIn,
  CannedReplyIn,
  CannedReplyOut,
  DepartmentIn,
  DepartmentOut,
  IdParams,
  QueueItem,
  QueueQuery,
  ReasonQuery,
  RuleOut,
  RulesIn,
  StaffMessageIn,
  StaffMessageOut,
  StaffRequestOut,
  StaffUpdateIn,
} from './support-schemas.ts';
import { type StaffUpdate, updateRequest } from './update-request.ts';

const tags = ['staff', 'support'];

/**
 * Which staff role may call a route is checked after the body is validated: a non-staff caller
 * is already refused before parsing, and every staff route answers a malformed body alike.
 */
function roles(allowed: readonly StaffRole[]) {
  return async (request: FastifyRequest) => {
    if (!(allowed as readonly string[]).includes(signedIn(request).role)) throw problems.forbidden(`This needs the role ${allowed.join(' or ')}`);
  };
}

const adminOnly = { preHandler: roles(['admin']) };
const STAFF_MESSAGES = {
  rateLimit: { max: 300, timeWindow: '1 hour', keyGenerator: (request: FastifyRequest) => `support-staff-messages:${signedIn(request).userId}` },
};

/**
 * The staff console of the support desk (SUP-6). Requests are worked by agents, and only those of
 * their own departments. An administrator manages departments, agents, rules and replies but
 * sees requests only as an agent of a department, like anyone else.
 */
export async function supportStaffRoutes(app: FastifyInstance, opts: { auth: Auth; deps: Deps }) {
  const { auth, deps } = opts;
  app.addHook('onRequest', guard(auth, STAFF_ROLES));
  app.addHook('preHandler', roles(['admin', 'support']));
  requestRoutes(app, deps);
  settingRoutes(app, deps);
  cannedReplyRoutes(app, deps);
}

function requestRoutes(app: FastifyInstance, deps: Deps) {
  app.get<{ Querystring: QueueFilter }>(
    '/api/staff/support/queue',
    {
      schema: {
        tags,
        summary: 'Requests of my departments, longest waiting first (audited)',
        querystring: QueueQuery,
        response: { 200: Type.Array(QueueItem) },
      },
    },
    async (request) => staffQueue(deps, signedIn(request).userId, request.query),
  );

  app.get<{ Params: { id: string }; Querystring: { reason?: string } }>(
    '/api/staff/support/requests/:id',
    {
      schema: {
        tags,
        summary: 'One request of my departments (audited: SUP-6)',
        params: IdParams,
        querystring: ReasonQuery,
        response: { 200: StaffRequestOut },
      },
    },
    async (request) => staffRequestView(deps, signedIn(request).userId, request.params.id, request.query.reason),
  );

  app.post<{ Params: { id: string }; Body: { body: string; internal: boolean } }>(
    '/api/staff/support/requests/:id/messages',
    {
      config: STAFF_MESSAGES,
      schema: { tags, summary: 'Answer the customer, or add an internal note', params: IdParams, body: StaffMessageIn, response: { 201: StaffMessageOut } },
    },
    async (request, reply) => reply.code(201).send(await postStaffMessage(deps, signedIn(request).userId, request.params.id, request.body)),
  );

  app.patch<{ Params: { id: string }; Querystring: { reason?: string }; Body: StaffUpdate }>(
    '/api/staff/support/requests/:id',
    {
      schema: {
        tags,
        summary: 'Change status or assignee (audited)',
        params: IdParams,
        querystring: ReasonQuery,
        body: StaffUpdateIn,
        response: { 200: StaffRequestOut },
      },
    },
    async (request) => updateRequest(deps, signedIn(request).userId, request.params.id, request.body, request.query.reason),
  );

  app.get('/api/staff/support/agents', { schema: { tags, summary: 'Agents of my departments', response: { 200: Type.Array(AgentOut) } } }, async (request) =>
    listAgents(deps, signedIn(request)),
  );
}

function settingRoutes(app: FastifyInstance, deps: Deps) {
  app.get(
    '/api/staff/support/departments',
    { schema: { tags, summary: 'Departments and their agents', response: { 200: Type.Array(DepartmentOut) } } },
    async () => listDepartments(deps),
  );

  app.post<{ Body: { code: string; name: string } }>(
    '/api/staff/support/departments',
    { ...adminOnly, schema: { tags, summary: 'Add a department (admin)', body: DepartmentIn, response: { 201: DepartmentOut } } },
    async (request, reply) => reply.code(201).send(await createDepartment(deps, request.body)),
  );

  app.put<{ Params: { id: string }; Body: { agentIds: string[] } }>(
    '/api/staff/support/departments/:id/agents',
    { ...adminOnly, schema: { tags, summary: 'Set who works in a department (admin)', params: IdParams, body: AgentsIn, response: { 200: DepartmentOut } } },
    async (request) => setAgents(deps, request.params.id, request.body.agentIds),
  );

  app.get(
    '/api/staff/support/routing-rules',
    { ...adminOnly, schema: { tags, summary: 'Routing rules in the order they are tried (SUP-3, admin)', response: { 200: Type.Array(RuleOut) } } },
    async () => listRules(deps),
  );

  app.put<{ Body: { rules: RuleInput[] } }>(
    '/api/staff/support/routing-rules',
    { ...adminOnly, schema: { tags, summary: 'Replace the ordered routing rules (SUP-3, admin)', body: RulesIn, response: { 200: Type.Array(RuleOut) } } },
    async (request) => replaceRules(deps, signedIn(request).userId, request.body.rules),
  );
}

function cannedReplyRoutes(app: FastifyInstance, deps: Deps) {
  app.get(
    '/api/staff/support/canned-replies',
    { schema: { tags, summary: 'Replies for my departments and for all', response: { 200: Type.Array(CannedReplyOut) } } },
    async (request) => listCannedReplies(deps, signedIn(request)),
  );

  app.post<{ Body: CannedReplyInput }>(
    '/api/staff/support/canned-replies',
    { schema: { tags, summary: 'Add a reply (admin, or an agent for their department)', body: CannedReplyIn, response: { 201: CannedReplyOut } } },
    async (request, reply) => reply.code(201).send(await createCannedReply(deps, signedIn(request), request.body)),
  );

  app.put<{ Params: { id: string }; Body: CannedReplyInput }>(
    '/api/staff/support/canned-replies/:id',
    { schema: { tags, summary: 'Change a reply', params: IdParams, body: CannedReplyIn, response: { 200: CannedReplyOut } } },
    async (request) => updateCannedReply(deps, signedIn(request), request.params.id, request.body),
  );

  app.delete<{ Params: { id: string } }>(
    '/api/staff/support/canned-replies/:id',
    { schema: { tags, summary: 'Remove a reply', params: IdParams, response: { 204: Type.Null() } } },
    async (request, reply) => {
      await deleteCannedReply(deps, signedIn(request), request.params.id);
      return reply.code(204).send();
    },
  );
}
