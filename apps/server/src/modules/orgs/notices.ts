import { desc, eq } from 'drizzle-orm';
import type { Deps } from '../../platform/deps.ts';
import type { Membership } from './membership.ts';
import { companyNotice } from './schema.ts';

const SHOWN = 100;

/** ORG-2 in the app: who joined, newest first, as long as the notice is kept (90 days). */
export async function listNotices(deps: Pick<Deps, 'db'>, admin: Membership) {
  const rows = await deps.db
    .select()
    .from(companyNotice)
    .where(eq(companyNotice.organizationId, admin.companyId))
    .orderBy(desc(companyNotice.createdAt))
    .limit(SHOWN);
  return rows.map((row) => ({ id: row.id, kind: row.kind, name: row.name, email: row.email, createdAt: row.createdAt.toISOString() }));
}
