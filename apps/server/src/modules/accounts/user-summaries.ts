import { inArray } from 'drizzle-orm';
import type { Deps } from '../../platform/deps.ts';
import { users } from './schema.ts';

export interface UserSummary {
  id: string;
  name: string;
  email: string;
  emailVerified: boolean;
  language: string | null;
  deleted: boolean;
}

/** Names and addresses of several accounts at once, for modules that show people to each other (company members). */
export async function userSummaries(deps: Pick<Deps, 'db'>, ids: string[]): Promise<Map<string, UserSummary>> {
  if (ids.length === 0) return new Map();
  const rows = await deps.db
    .select({ id: users.id, name: users.name, email: users.email, emailVerified: users.emailVerified, language: users.language, deletedAt: users.deletedAt })
    .from(users)
    .where(inArray(users.id, ids));
  return new Map(rows.map(({ deletedAt, ...row }) => [row.id, { ...row, deleted: deletedAt !== null }]));
}

export async function userSummary(deps: Pick<Deps, 'db'>, id: string): Promise<UserSummary | undefined> {
  return (await userSummaries(deps, [id])).get(id);
}
