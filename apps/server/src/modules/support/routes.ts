import { Type } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import type { Auth } from '../accounts/auth.ts';
import { guard, signedIn } from '../accounts/current-session.ts';
import { createRequest, type NewRequest } from './create-request.ts';
import { ensureDefaultDepartments } from './departments.ts';
import { listRequests } from './list-requests.ts';
import { requestOptions } from './own-licenses.ts';
import { postCustomerMessage } from './post-message.ts';
import { customerRequestView } from './request-view.ts';
import { IdParams, MessageIn, MessageOut, NewRequestIn, OptionsOut, RequestListItem, RequestOut } from './support-schemas.ts';
import { closeRequest } from './update-request.ts';

const tags = ['support'];

const perAccount = (name: string, max: number, timeWindow: string) => ({
  rateLimit: { max, timeWindow, keyGenerator: (request: FastifyRequest) => `support-${name}:${signedIn(request).userId}` },
});

/** Ten requests an hour is more than anyone with real problems opens; a script filling the queue stops. */
const NEW_REQUESTS = perAccount('requests', 10, '1 hour');
const NEW_MESSAGES = perAccount('messages', 60, '1 hour');

/** The customer's side of the support desk: open a request (SUP-1), follow and answer it, close it. */
export async function supportRoutes(app: FastifyInstance, opts: { auth: Auth; deps: Deps }) {
  const { auth, deps } = opts;
  app.addHook('onReady', () => ensureDefaultDepartments(deps));
  app.addHook('onRequest', guard(auth));

  app.get(
    '/api/support/options',
    { schema: { tags, summary: 'Products, my licenses and my email for the request form', response: { 200: OptionsOut } } },
    async (request) => requestOptions(deps, signedIn(request)),
  );

  app.post<{ Body: NewRequest }>(
    '/api/support/requests',
    {
      config: NEW_REQUESTS,
      schema: {
        tags,
        summary: 'Open a request with what support needs (SUP-1), routed to a department (SUP-3)',
        body: NewRequestIn,
        response: { 201: RequestOut },
      },
    },
    async (request, reply) => reply.code(201).send(await createRequest(deps, signedIn(request), request.body)),
  );

  app.get('/api/support/requests', { schema: { tags, summary: 'My requests', response: { 200: Type.Array(RequestListItem) } } }, async (request) =>
    listRequests(deps, signedIn(request).userId),
  );

  app.get<{ Params: { id: string } }>(
    '/api/support/requests/:id',
    { schema: { tags, summary: 'One of my requests with its conversation', params: IdParams, response: { 200: RequestOut } } },
    async (request) => customerRequestView(deps, signedIn(request).userId, request.params.id),
  );

  app.post<{ Params: { id: string }; Body: { body: string } }>(
    '/api/support/requests/:id/messages',
    {
      config: NEW_MESSAGES,
      schema: { tags, summary: 'Answer in the conversation; a solved request opens again', params: IdParams, body: MessageIn, response: { 201: MessageOut } },
    },
    async (request, reply) => reply.code(201).send(await postCustomerMessage(deps, signedIn(request).userId, request.params.id, request.body.body)),
  );

  app.post<{ Params: { id: string } }>(
    '/api/support/requests/:id/close',
    { schema: { tags, summary: 'Close my request', params: IdParams, response: { 200: RequestOut } } },
    async (request) => closeRequest(deps, signedIn(request).userId, request.params.id),
  );
}
