import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import type { Auth } from '../accounts/auth.ts';
import { guard, signedIn } from '../accounts/current-session.ts';
import { NoticeIn, NoticeListOut, NoticeOut } from './mailguard-schemas.ts';
import { listServiceNotices, sendServiceNotice } from './service-notices.ts';

const tags = ['staff'];

/** MAIL-3: staff administrators tell every protected customer about an outage or an update. */
export async function mailguardStaffRoutes(app: FastifyInstance, opts: { auth: Auth; deps: Deps }) {
  const { auth, deps } = opts;
  app.addHook('onRequest', guard(auth, ['admin']));
  app.get('/api/staff/mail-protection/notices', { schema: { tags, summary: 'Service notices sent (MAIL-3)', response: { 200: NoticeListOut } } }, () =>
    listServiceNotices(deps),
  );
  app.post<{ Body: { kind: 'outage' | 'update'; subject: string; text: string } }>(
    '/api/staff/mail-protection/notices',
    {
      config: { rateLimit: { max: 5, timeWindow: '1 hour' } },
      schema: { tags, summary: 'Send a service notice to every customer with protected mailboxes (MAIL-3)', body: NoticeIn, response: { 201: NoticeOut } },
    },
    async (request, reply) => reply.code(201).send(await sendServiceNotice(deps, signedIn(request).userId, request.body)),
  );
}
