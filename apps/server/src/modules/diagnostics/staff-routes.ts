import { Type } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import type { Auth } from '../accounts/auth.ts';
import { guard, signedIn } from '../accounts/current-session.ts';
import { IdParams, ReportListItem, ReportView, StaffReadQuery } from './report-schemas.ts';
import { staffReport, staffRequestReports } from './staff-reports.ts';

const tags = ['reports', 'staff'];

/**
 * Reports for the handlers of the request they were sent for (DIAG-5). Anyone else, staff of
 * another department, a DPO or an administrator who is not an agent included, is told there is
 * no such thing, so report ids cannot be probed.
 */
export async function reportStaffRoutes(app: FastifyInstance, opts: { auth: Auth; deps: Deps }) {
  const { auth, deps } = opts;
  app.addHook('onRequest', guard(auth));

  app.get<{ Params: { id: string }; Querystring: { reason: string } }>(
    '/api/staff/support/requests/:id/reports',
    {
      schema: {
        tags,
        summary: 'The reports sent for a request I handle (audited)',
        params: IdParams,
        querystring: StaffReadQuery,
        response: { 200: Type.Array(ReportListItem) },
      },
    },
    async (request) => staffRequestReports(deps, { staffUserId: signedIn(request).userId, reason: request.query.reason }, request.params.id),
  );

  app.get<{ Params: { id: string }; Querystring: { reason: string } }>(
    '/api/staff/reports/:id',
    {
      schema: { tags, summary: 'A report sent for a request I handle (audited)', params: IdParams, querystring: StaffReadQuery, response: { 200: ReportView } },
    },
    async (request) => staffReport(deps, { staffUserId: signedIn(request).userId, reason: request.query.reason }, request.params.id),
  );
}
