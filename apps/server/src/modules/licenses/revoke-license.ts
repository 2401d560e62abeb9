import { and, eq } from 'drizzle-orm';
import type { Deps } from '../../platform/deps.ts';
import { license } from './schema.ts';

/** Ends a license for good, e.g. when its order is refunded; its tokens fail online validation from now on. True when it was active. */
export async function revokeLicense(deps: Pick<Deps, 'db' | 'clock'>, licenseId: string): Promise<boolean> {
  const revoked = await deps.db
    .update(license)
    .set({ status: 'revoked', revokedAt: deps.clock.now(), autoRenew: false })
    .where(and(eq(license.id, licenseId), eq(license.status, 'active')))
    .returning({ id: license.id });
  return revoked.length > 0;
}
