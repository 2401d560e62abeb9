import multipart from '@fastify/multipart';
import { Type } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { BlobMeta } from '../../platform/blobs/open-blob.ts';
import type { Deps } from '../../platform/deps.ts';
import { problems } from '../../platform/errors.ts';
import type { Auth } from '../accounts/auth.ts';
import { guard, signedIn } from '../accounts/current-session.ts';
import { addAttachment, prepareAttachment } from './add-attachment.ts';
import { deleteAttachment } from './delete-attachment.ts';
import { listAttachments } from './list-attachments.ts';
import { contentDisposition, openAttachment } from './open-attachment.ts';
import { readUpload, UPLOAD_PARSER_LIMITS } from './read-upload.ts';
import { requestOwnedBy } from './request-access.ts';
import { staffListAttachments, staffOpenAttachment } from './staff-attachments.ts';
import { publishTerms } from './terms.ts';
import { termsRoutes } from './terms-routes.ts';

const tags = ['support'];

const RequestParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const AttachmentParams = Type.Object({ id: Type.String({ format: 'uuid' }), attachmentId: Type.String({ format: 'uuid' }) });
const ReasonQuery = Type.Object({ reason: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })) }, { additionalProperties: false });
const AttachmentOut = Type.Object({
  id: Type.String(),
  fileName: Type.String(),
  size: Type.Integer(),
  contentType: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
});

type RequestRoute = { Params: { id: string } };
type AttachmentRoute = { Params: { id: string; attachmentId: string } };
type StaffRoute<P> = { Params: P; Querystring: { reason?: string } };

const DEFAULT_REASON = 'Handle the support request';
const perUser = (name: string, max: number) => ({
  rateLimit: { max, timeWindow: '1 minute', keyGenerator: (request: FastifyRequest) => `${name}:${signedIn(request).userId}` },
});

function sendFile(reply: FastifyReply, opened: { meta: BlobMeta; stream: NodeJS.ReadableStream }) {
  return reply
    .header('content-type', opened.meta.contentType)
    .header('content-length', String(opened.meta.size))
    .header('content-disposition', contentDisposition(opened.meta.fileName))
    .header('cache-control', 'private, no-store')
    .send(opened.stream);
}

async function requireOwner(deps: Deps, requestId: string, userId: string): Promise<void> {
  if (!(await requestOwnedBy(deps, requestId, userId))) throw problems.notFound('support request');
}

/** The customer's files on their own requests, after accepting the terms (SUP-2). */
async function customerAttachmentRoutes(app: FastifyInstance, opts: { auth: Auth; deps: Deps }) {
  const { auth, deps } = opts;
  await app.register(multipart, { limits: UPLOAD_PARSER_LIMITS, preservePath: true });
  app.addHook('onRequest', guard(auth));
  const base = '/api/support/requests/:id/attachments';

  app.post<RequestRoute>(
    base,
    {
      config: perUser('support-upload', 30),
      schema: {
        tags,
        summary: 'Attach one file (field `file`) once the terms are accepted (SUP-2)',
        consumes: ['multipart/form-data'],
        params: RequestParams,
        response: { 201: AttachmentOut },
      },
    },
    async (request, reply) => {
      const { userId } = signedIn(request);
      const requestId = request.params.id;
      const termsVersion = await prepareAttachment(deps, requestId, userId);
      const upload = await readUpload(request);
      return reply.code(201).send(await addAttachment(deps, { requestId, userId, termsVersion, ...upload }));
    },
  );

  app.get<RequestRoute>(
    base,
    { schema: { tags, summary: 'The files of my request', params: RequestParams, response: { 200: Type.Array(AttachmentOut) } } },
    async (request) => {
      await requireOwner(deps, request.params.id, signedIn(request).userId);
      return listAttachments(deps, request.params.id);
    },
  );

  app.get<AttachmentRoute>(
    `${base}/:attachmentId`,
    { config: perUser('support-download', 60), schema: { tags, summary: 'Download a file of my request', params: AttachmentParams } },
    async (request, reply) => {
      await requireOwner(deps, request.params.id, signedIn(request).userId);
      return sendFile(reply, await openAttachment(deps, request.params.id, request.params.attachmentId));
    },
  );

  app.delete<AttachmentRoute>(
    `${base}/:attachmentId`,
    { schema: { tags, summary: 'Delete a file of my request, with its encrypted copy', params: AttachmentParams, response: { 204: Type.Null() } } },
    async (request, reply) => {
      await requireOwner(deps, request.params.id, signedIn(request).userId);
      await deleteAttachment(deps, request.params.id, request.params.attachmentId);
      return reply.code(204).send();
    },
  );
}

/** A request's files for the agents who handle it (SUP-6); every listing and download is audited. */
async function staffAttachmentRoutes(app: FastifyInstance, opts: { auth: Auth; deps: Deps }) {
  const { auth, deps } = opts;
  app.addHook('onRequest', guard(auth, ['support', 'admin']));
  const base = '/api/staff/support/requests/:id/attachments';
  const readOf = (request: FastifyRequest<StaffRoute<{ id: string }>>) => ({
    staffId: signedIn(request).userId,
    requestId: request.params.id,
    reason: request.query.reason ?? DEFAULT_REASON,
  });

  app.get<StaffRoute<{ id: string }>>(
    base,
    {
      schema: {
        tags,
        summary: 'The files of a request I handle (audited)',
        params: RequestParams,
        querystring: ReasonQuery,
        response: { 200: Type.Array(AttachmentOut) },
      },
    },
    async (request) => staffListAttachments(deps, readOf(request)),
  );

  app.get<StaffRoute<{ id: string; attachmentId: string }>>(
    `${base}/:attachmentId`,
    { schema: { tags, summary: 'Download a file of a request I handle (audited)', params: AttachmentParams, querystring: ReasonQuery } },
    async (request, reply) => sendFile(reply, await staffOpenAttachment(deps, readOf(request), request.params.attachmentId)),
  );
}

/** Terms, customer attachments and staff access to them; each part has its own guard. */
export async function attachmentRoutes(app: FastifyInstance, opts: { auth: Auth; deps: Deps }) {
  app.addHook('onReady', () => publishTerms(opts.deps));
  await app.register(termsRoutes, opts);
  await app.register(customerAttachmentRoutes, opts);
  await app.register(staffAttachmentRoutes, opts);
}
