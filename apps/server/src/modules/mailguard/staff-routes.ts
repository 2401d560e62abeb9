import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import type { Auth } from '../accounts/auth.ts';
import { guard, signedIn } from '../accounts/current-session.ts';
import { IdParams, NoticeIn, NoticeListOut, NoticeOut } from './mailguard-schemas.ts';
import type { NoticeKind } from './schema.ts';
import { deliverNotice, listServiceNotices, sendServiceNotice } from './service-notices.ts';

const tags = ['staff'];

/** MAIL-3: staff administrators tell every protected customer about an outage or an update. */
export async function mailguardStaffRoutes(app: FastifyInstance, opts: { auth: Auth; deps: Deps }) {
  const { auth, deps } = opts;
  app.addHook('onRequest', guard(auth, ['admin']));
  app.get('/api/staff/mail-protection/notices', { schema: { tags, summary: 'Service notices sent (MAIL-3)', response: { 200: NoticeListOut } } }, () =>
    listServiceNotices(deps),
  );
  app.post<{ Params: { id: string } }>(
    '/api/staff/mail-protection/notices/:id/delivery',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 hour' } },
      schema: {
        tags,
        summary: 'Send a notice again to those it did not reach yet; nobody gets it twice (MAIL-3)',
        params: IdParams,
        response: { 200: NoticeOut },
      },
    },
    (request) => deliverNotice(deps, request.params.id),
  );
  app.post<{ Body: { kind: NoticeKind; subject: string; text: string } }>(
    '/api/staff/mail-protection/notices',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 hour', keyGenerator: (request: FastifyRequest) => `mail-notice:${signedIn(request).userId}` } },
      schema: { tags, summary: 'Send a service notice to every customer with protected mailboxes (MAIL-3)', body: NoticeIn, response: { 201: NoticeOut } },
    },
    async (request, reply) => reply.code(201).send(await sendServiceNotice(deps, signedIn(request).userId, request.body)),
  );
}
