import { desc } from 'drizzle-orm';
import type { Deps } from '../../platform/deps.ts';
import { buildPolicy, currentPolicyInput, policyHash } from './build-policy.ts';
import { policyVersion } from './schema.ts';

type PolicyDeps = Pick<Deps, 'db' | 'clock' | 'config'>;

export async function latestPolicyHash(deps: Pick<Deps, 'db'>): Promise<string | undefined> {
  const [row] = await deps.db.select({ hash: policyVersion.hash }).from(policyVersion).orderBy(desc(policyVersion.publishedAt)).limit(1);
  return row?.hash;
}

/**
 * Publishes the policy the running code describes, unless it is already the latest. A text
 * that comes back after a newer one is published again, so its time moves to now.
 */
export async function publishCurrentPolicy(deps: PolicyDeps): Promise<{ hash: string; published: boolean }> {
  const document = buildPolicy(currentPolicyInput(deps.config));
  const hash = policyHash(document);
  if ((await latestPolicyHash(deps)) === hash) return { hash, published: false };
  const publishedAt = deps.clock.now();
  await deps.db.insert(policyVersion).values({ hash, publishedAt, document }).onConflictDoUpdate({ target: policyVersion.hash, set: { publishedAt } });
  return { hash, published: true };
}

/** The notice a consent is given under: the latest published policy (published now if none is). */
export async function currentNoticeVersion(deps: PolicyDeps): Promise<string> {
  return (await latestPolicyHash(deps)) ?? (await publishCurrentPolicy(deps)).hash;
}
