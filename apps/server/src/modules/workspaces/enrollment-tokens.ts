import { randomBytes } from 'node:crypto';
import { and, count, eq, gt } from 'drizzle-orm';
import { DAY_MS } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/pool.ts';
import type { Deps } from '../../platform/deps.ts';
import { sha256Hex } from '../../platform/sha256-hex.ts';
import { requireWorkspaceRole } from './access.ts';
import { workspaceEnrollmentToken } from './schema.ts';
import { workspaceProblems } from './workspace-problems.ts';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** The prefix tells a workspace token from a person's short enrollment code on the same enroll call. */
const PREFIX = 'wse_';
export const ENROLLMENT_TOKEN_DAYS = 30;
export const MAX_LIVE_TOKENS = 20;

export const isWorkspaceToken = (code: string) => code.startsWith(PREFIX);

/**
 * A token a workspace operator rolls out to the company's machines (WS-1). Unlike a personal code
 * it serves many machines, so it lives a fixed time rather than for one use.
 */
export async function createEnrollmentToken(deps: Pick<Deps, 'db' | 'clock'>, userId: string, workspaceId: string) {
  await requireWorkspaceRole(deps, userId, workspaceId, 'operator');
  const now = deps.clock.now();
  const token = `${PREFIX}${randomBytes(24).toString('base64url')}`;
  const expiresAt = new Date(now.getTime() + ENROLLMENT_TOKEN_DAYS * DAY_MS);
  await deps.db.transaction(async (tx) => {
    const [live] = await tx
      .select({ n: count() })
      .from(workspaceEnrollmentToken)
      .where(and(eq(workspaceEnrollmentToken.workspaceId, workspaceId), gt(workspaceEnrollmentToken.expiresAt, now)));
    if (live.n >= MAX_LIVE_TOKENS) throw workspaceProblems.tooMany('live enrollment tokens per workspace', MAX_LIVE_TOKENS);
    await tx.insert(workspaceEnrollmentToken).values({ workspaceId, tokenHash: sha256Hex(token), createdBy: userId, createdAt: now, expiresAt });
  });
  return { token, expiresAt: expiresAt.toISOString() };
}

/** The workspace a live token enrolls into, or null; called by device enrollment inside its transaction. */
export async function redeemWorkspaceToken(tx: Tx, token: string, now: Date): Promise<string | null> {
  const [row] = await tx
    .select({ workspaceId: workspaceEnrollmentToken.workspaceId })
    .from(workspaceEnrollmentToken)
    .where(and(eq(workspaceEnrollmentToken.tokenHash, sha256Hex(token)), gt(workspaceEnrollmentToken.expiresAt, now)));
  return row?.workspaceId ?? null;
}
