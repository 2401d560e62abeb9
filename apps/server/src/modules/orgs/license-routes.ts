import { Type } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import { signedIn } from '../accounts/current-session.ts';
import { addCompanyLicenseByCode, removeCompanyLicense } from '../licenses/company-licenses.ts';
import { AddLicense, LicenseOut } from '../licenses/license-schemas.ts';
import { companyLicenseViews } from '../licenses/license-view.ts';
import { LicenseParams } from './company-schemas.ts';
import { requireMembership } from './membership.ts';

const tags = ['companies'];

/** The same ten codes a minute as a personal account: a guesser gets nowhere (LIC-1). */
const CODE_ATTEMPTS = { rateLimit: { max: 10, timeWindow: '1 minute', keyGenerator: (request: FastifyRequest) => `license-code:${signedIn(request).userId}` } };

/** The company's licenses (ORG-4, LIC-4); registered inside companyRoutes, behind its guard. */
export async function companyLicenseRoutes(app: FastifyInstance, opts: { deps: Deps }) {
  const { deps } = opts;
  const member = (request: FastifyRequest, need: { administrator?: boolean; licenses?: boolean } = {}) =>
    requireMembership(deps, signedIn(request).userId, need);

  app.get(
    '/api/companies/current/licenses',
    { schema: { tags, summary: 'The company’s licenses, which every member sees (ORG-4)', response: { 200: Type.Array(LicenseOut) } } },
    async (request) => companyLicenseViews(deps, (await member(request)).companyId),
  );

  app.post<{ Body: { code: string } }>(
    '/api/companies/current/licenses',
    {
      config: CODE_ATTEMPTS,
      schema: {
        tags,
        summary: 'Add a license to the company by its code: administrators and license managers (LIC-4)',
        body: AddLicense,
        response: { 200: LicenseOut, 201: LicenseOut },
      },
    },
    async (request, reply) => {
      const { companyId } = await member(request, { licenses: true });
      const { license, added } = await addCompanyLicenseByCode(deps, companyId, request.body.code);
      return reply.code(added ? 201 : 200).send(license);
    },
  );

  app.delete<{ Params: { licenseId: string } }>(
    '/api/companies/current/licenses/:licenseId',
    { schema: { tags, summary: 'Remove a license from the company: administrators only (ORG-4)', params: LicenseParams, response: { 204: Type.Null() } } },
    async (request, reply) => {
      const { companyId } = await member(request, { administrator: true });
      await removeCompanyLicense(deps, companyId, request.params.licenseId);
      return reply.code(204).send();
    },
  );
}
