import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import { problems } from '../../platform/errors.ts';
import type { Auth } from '../accounts/auth.ts';
import { receiveBundle } from './receive-bundle.ts';
import { BundleReceived } from './report-schemas.ts';
import { invalidUploadToken } from './upload-tokens.ts';

const tags = ['product-api'];
const SHA256_HEX = /^[0-9a-f]{64}$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:\d{2})$/;

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value.trim() : undefined;
}

/** Everything checkable without the token, so a malformed upload is a 400 whoever sends it. */
function bundleHeaders(request: FastifyRequest): { sha256: string; consentAt: Date } {
  const sha256 = header(request, 'x-bundle-sha256')?.toLowerCase();
  if (!sha256 || !SHA256_HEX.test(sha256)) throw problems.invalidField('x-bundle-sha256', 'must be the hex sha256 of the bundle');
  const consent = header(request, 'x-steward-consent');
  const consentAt = consent && ISO_TIME.test(consent) ? new Date(consent) : null;
  if (!consentAt || Number.isNaN(consentAt.getTime()))
    throw problems.invalidField('x-steward-consent', 'must be the ISO time the user consented to send the bundle');
  if (!header(request, 'content-type')?.startsWith('application/gzip')) throw problems.invalidField('content-type', 'must be application/gzip');
  return { sha256, consentAt };
}

function bearer(request: FastifyRequest): string {
  const match = /^Bearer ([A-Za-z0-9_-]{1,100})$/.exec(header(request, 'authorization') ?? '');
  if (!match) throw invalidUploadToken();
  return match[1];
}

/** The public endpoint steward-diag sends to, authenticated by a request's upload token (DIAG-4). */
export async function diagApiRoutes(app: FastifyInstance, opts: { auth: Auth; deps: Deps }) {
  const { deps } = opts;
  // The body goes to the encrypted store as it arrives; the store's limit bounds it.
  app.addContentTypeParser('application/gzip', (_request, payload, done) => done(null, payload));

  app.post(
    '/api/v1/diag/bundles',
    {
      config: { rateLimit: { max: 30, timeWindow: '1 hour' } },
      schema: { tags, summary: 'Receive a bundle from steward-diag send (Bearer upload token, DIAG-4)', response: { 201: BundleReceived } },
    },
    async (request, reply) => {
      const { sha256, consentAt } = bundleHeaders(request);
      const token = bearer(request);
      const received = await receiveBundle(deps, { token, sha256, consentAt, body: request.body as Readable });
      return reply.code(201).send(received);
    },
  );
}
