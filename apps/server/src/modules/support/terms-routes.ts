import { Type } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import type { Auth } from '../accounts/auth.ts';
import { guard, signedIn } from '../accounts/current-session.ts';
import { acceptTerms, termsView } from './terms.ts';

const tags = ['support'];

const TermsOut = Type.Object({
  version: Type.String(),
  text: Type.String(),
  accepted: Type.Boolean(),
  acceptedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
const Acceptance = Type.Object({ version: Type.String({ minLength: 1, maxLength: 128 }) }, { additionalProperties: false });

const ACCEPTANCES = { rateLimit: { max: 20, timeWindow: '1 minute', keyGenerator: (request: FastifyRequest) => `support-terms:${signedIn(request).userId}` } };

/** The data-provisioning terms a customer reads and accepts before attaching files (SUP-2). */
export async function termsRoutes(app: FastifyInstance, opts: { auth: Auth; deps: Deps }) {
  const { auth, deps } = opts;
  app.addHook('onRequest', guard(auth));

  app.get(
    '/api/support/terms',
    { schema: { tags, summary: 'The terms in force and whether I accepted them (SUP-2)', response: { 200: TermsOut } } },
    async (request) => termsView(deps, signedIn(request).userId),
  );

  app.post<{ Body: { version: string } }>(
    '/api/support/terms/acceptance',
    {
      config: ACCEPTANCES,
      schema: {
        tags,
        summary: 'Accept the terms I read, naming their version; recorded with the time (SUP-2)',
        body: Acceptance,
        response: { 201: Type.Object({ accepted: Type.Literal(true) }) },
      },
    },
    async (request, reply) => {
      await acceptTerms(deps, signedIn(request).userId, request.body.version, 'web');
      return reply.code(201).send({ accepted: true as const });
    },
  );
}
