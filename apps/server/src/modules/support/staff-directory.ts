import type { Deps } from '../../platform/deps.ts';
import { Problem } from '../../platform/errors.ts';
import { getProfile } from '../accounts/profile.ts';

/**
 * The email (or role) of each account by id, through the accounts service; a deleted or
 * unknown account is left out. Lists of agents and assignees are short, so one lookup each is fine.
 */
export async function staffDirectory(deps: Pick<Deps, 'db'>, userIds: string[], field: 'email' | 'role' = 'email'): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const id of new Set(userIds)) {
    try {
      const profile = await getProfile(deps, id);
      found.set(id, profile[field]);
    } catch (error) {
      if (!(error instanceof Problem && error.status === 404)) throw error;
    }
  }
  return found;
}
