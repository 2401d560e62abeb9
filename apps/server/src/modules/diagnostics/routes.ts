import multipart from '@fastify/multipart';
import { Type } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import type { Auth } from '../accounts/auth.ts';
import { guard, signedIn } from '../accounts/current-session.ts';
import { deleteOwnReport, listOwnReports, openOwnReportFile, viewOwnReport } from './owner-reports.ts';
import { IdParams, ReportListItem, ReportView, UploadTokenOut } from './report-schemas.ts';
import { reportView } from './report-views.ts';
import { reportStaffRoutes } from './staff-routes.ts';
import { readUploadForm } from './upload-form.ts';
import { checkUploadFields, uploadReport } from './upload-report.ts';
import { createUploadToken } from './upload-tokens.ts';

const tags = ['reports'];
const perAccount = (name: string, max: number, timeWindow: string) => ({
  rateLimit: { max, timeWindow, keyGenerator: (request: FastifyRequest) => `${name}:${signedIn(request).userId}` },
});

/** The report parser for signed-in customers (GSI-1..GSI-3) and upload tokens for steward-diag (DIAG-4). */
export async function reportRoutes(app: FastifyInstance, opts: { auth: Auth; deps: Deps }) {
  const { auth, deps } = opts;
  await app.register(reportStaffRoutes, opts);
  await app.register(async (customer) => {
    await customer.register(multipart);
    customer.addHook('onRequest', guard(auth));

    customer.post(
      '/api/reports',
      {
        config: perAccount('report-upload', 10, '1 hour'),
        schema: { tags, summary: 'Upload a report: fields confirm=yes, optional requestId, then file (GSI-1, GSI-3)', response: { 201: ReportView } },
      },
      async (request, reply) => {
        const { userId } = signedIn(request);
        const upload = await readUploadForm(request, (fields) => checkUploadFields(deps, userId, fields));
        const row = await uploadReport(deps, userId, upload);
        return reply.code(201).send(await reportView(deps, row));
      },
    );

    customer.get('/api/reports', { schema: { tags, summary: 'My reports', response: { 200: Type.Array(ReportListItem) } } }, async (request) =>
      listOwnReports(deps, signedIn(request).userId),
    );

    customer.get<{ Params: { id: string } }>(
      '/api/reports/:id',
      { schema: { tags, summary: 'A report in sections with its findings (GSI-2)', params: IdParams, response: { 200: ReportView } } },
      async (request) => viewOwnReport(deps, signedIn(request).userId, request.params.id),
    );

    customer.get<{ Params: { id: string } }>(
      '/api/reports/:id/file',
      { config: perAccount('report-download', 30, '1 minute'), schema: { tags, summary: 'The uploaded file', params: IdParams } },
      async (request, reply) => {
        const file = await openOwnReportFile(deps, signedIn(request).userId, request.params.id);
        const asciiName = file.fileName.replace(/[^A-Za-z0-9._-]/g, '_');
        return reply
          .header('content-type', 'application/gzip')
          .header('content-length', String(file.size))
          .header('content-disposition', `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
          .send(file.stream);
      },
    );

    customer.delete<{ Params: { id: string } }>(
      '/api/reports/:id',
      { schema: { tags, summary: 'Delete a report and its files', params: IdParams, response: { 204: Type.Null() } } },
      async (request, reply) => {
        await deleteOwnReport(deps, signedIn(request).userId, request.params.id);
        return reply.code(204).send();
      },
    );

    customer.post<{ Params: { id: string } }>(
      '/api/support/requests/:id/upload-token',
      {
        config: perAccount('diag-upload-token', 20, '1 hour'),
        schema: { tags, summary: 'A 24-hour token for steward-diag send to this request (DIAG-4)', params: IdParams, response: { 201: UploadTokenOut } },
      },
      async (request, reply) => reply.code(201).send(await createUploadToken(deps, signedIn(request).userId, request.params.id)),
    );
  });
}
