import { count, eq } from 'drizzle-orm';
import type { Deps } from '../../platform/deps.ts';
import { problems } from '../../platform/errors.ts';
import { isRestricted } from '../privacy/rights/restriction.ts';
import { memberByUserName, type PublicAuthor, publicAuthor } from './members.ts';
import { communityPost } from './schema.ts';

/** A member's public page: the name they show, when they joined and how many posts they wrote. Never their email. */
export async function publicProfile(deps: Pick<Deps, 'db'>, userName: string): Promise<{ author: PublicAuthor; joinedAt: string; posts: number }> {
  const member = await memberByUserName(deps, userName);
  if (!member || (await isRestricted(deps, member.userId))) throw problems.notFound('member');
  const [row] = await deps.db.select({ n: count() }).from(communityPost).where(eq(communityPost.userId, member.userId));
  return { author: publicAuthor(member), joinedAt: member.createdAt.toISOString(), posts: row.n };
}
