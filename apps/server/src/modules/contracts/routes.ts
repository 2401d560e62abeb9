import { Type } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import type { Auth } from '../accounts/auth.ts';
import { guard, signedIn } from '../accounts/current-session.ts';
import { SUPPORT_LEVELS } from './schema.ts';
import { type ContractInput, MAX_AUTHORISED, recordContract, visibleContracts } from './support-contracts.ts';

const tags = ['companies'];
const Level = Type.Union(SUPPORT_LEVELS.map((l) => Type.Literal(l)));
const ContractIn = Type.Object(
  {
    product: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' }),
    level: Level,
    startsAt: Type.String({ format: 'date-time' }),
    endsAt: Type.String({ format: 'date-time' }),
    authorised: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { minItems: 1, maxItems: MAX_AUTHORISED }),
  },
  { additionalProperties: false },
);
const ContractOut = Type.Object({
  id: Type.String(),
  product: Type.String(),
  level: Level,
  startsAt: Type.String(),
  endsAt: Type.String(),
  authorised: Type.Array(Type.String()),
});

/** ORG-5: support contracts, seen only by the employees named on them. */
export async function contractRoutes(app: FastifyInstance, opts: { auth: Auth; deps: Deps }) {
  const { auth, deps } = opts;
  app.addHook('onRequest', guard(auth));
  app.get(
    '/api/companies/current/support-contracts',
    { schema: { tags, summary: 'The support contracts I am named on (ORG-5)', response: { 200: Type.Array(ContractOut) } } },
    (request) => visibleContracts(deps, signedIn(request).userId),
  );
  app.post<{ Body: ContractInput }>(
    '/api/companies/current/support-contracts',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Record a bought contract and its authorised employees: administrators (ORG-5)',
        body: ContractIn,
        response: { 201: ContractOut },
      },
    },
    async (request, reply) => reply.code(201).send(await recordContract(deps, signedIn(request).userId, request.body)),
  );
}
