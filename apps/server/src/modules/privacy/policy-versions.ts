import { desc, eq } from 'drizzle-orm';
import type { Deps } from '../../platform/deps.ts';
import { problems } from '../../platform/errors.ts';
import { policyVersion } from './schema.ts';

export const MAX_VERSIONS_LISTED = 100;

function present(row: typeof policyVersion.$inferSelect) {
  return { hash: row.hash, publishedAt: row.publishedAt.toISOString(), document: row.document };
}

export async function latestPolicy(deps: Pick<Deps, 'db'>) {
  const [row] = await deps.db.select().from(policyVersion).orderBy(desc(policyVersion.publishedAt)).limit(1);
  if (!row) throw problems.notFound('published policy');
  return present(row);
}

export async function policyByHash(deps: Pick<Deps, 'db'>, hash: string) {
  const [row] = await deps.db.select().from(policyVersion).where(eq(policyVersion.hash, hash));
  if (!row) throw problems.notFound('policy version');
  return present(row);
}

/** Newest first, without the documents: the page fetches the one a reader opens. */
export async function listPolicyVersions(deps: Pick<Deps, 'db'>, limit: number) {
  const rows = await deps.db
    .select({ hash: policyVersion.hash, publishedAt: policyVersion.publishedAt })
    .from(policyVersion)
    .orderBy(desc(policyVersion.publishedAt))
    .limit(Math.min(limit, MAX_VERSIONS_LISTED));
  return rows.map((row, i) => ({ hash: row.hash, publishedAt: row.publishedAt.toISOString(), current: i === 0 }));
}
