import { randomBytes } from 'node:crypto';
import { and, count, eq, gt, sql } from 'drizzle-orm';
import type { Deps } from '../../platform/deps.ts';
import { Problem, problems } from '../../platform/errors.ts';
import { sha256Hex } from '../../platform/sha256-hex.ts';
import { requestOwnedBy } from '../support/request-access.ts';
import { diagUploadToken } from './schema.ts';

export const UPLOAD_TOKEN_MS = 24 * 60 * 60 * 1000;
export const MAX_LIVE_TOKENS_PER_REQUEST = 5;

export const invalidUploadToken = () =>
  new Problem(401, 'invalid-upload-token', 'The upload token is not valid', { detail: 'get a new token on the support request page; tokens last 24 hours' });

/** A token for `steward-diag send` to one of the customer's requests (DIAG-4); only its hash is kept. */
export async function createUploadToken(deps: Pick<Deps, 'db' | 'clock' | 'config'>, userId: string, requestId: string) {
  if (!(await requestOwnedBy(deps, requestId, userId))) throw problems.notFound('support request');
  const now = deps.clock.now();
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + UPLOAD_TOKEN_MS);
  await deps.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`diag-upload-token:${requestId}`}))`);
    const [live] = await tx
      .select({ n: count() })
      .from(diagUploadToken)
      .where(and(eq(diagUploadToken.requestId, requestId), gt(diagUploadToken.expiresAt, now)));
    if (live.n >= MAX_LIVE_TOKENS_PER_REQUEST)
      throw problems.conflict('too-many-upload-tokens', `At most ${MAX_LIVE_TOKENS_PER_REQUEST} upload tokens per request last at once`);
    await tx.insert(diagUploadToken).values({ userId, requestId, tokenHash: sha256Hex(token), createdAt: now, expiresAt });
  });
  const command = `steward-diag send --request ${requestId} --token ${token} --server ${deps.config.baseUrl}`;
  return { token, expiresAt: expiresAt.toISOString(), command };
}

/** The customer and request a live token stands for; anything else is a 401. */
export async function redeemUploadToken(deps: Pick<Deps, 'db' | 'clock'>, token: string): Promise<{ userId: string; requestId: string }> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) throw invalidUploadToken();
  const [row] = await deps.db
    .select({ userId: diagUploadToken.userId, requestId: diagUploadToken.requestId })
    .from(diagUploadToken)
    .where(and(eq(diagUploadToken.tokenHash, sha256Hex(token)), gt(diagUploadToken.expiresAt, deps.clock.now())));
  if (!row) throw invalidUploadToken();
  return row;
}
