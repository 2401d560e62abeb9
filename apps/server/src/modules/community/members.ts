import { randomUUID } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { HOUR_MS } from '../../platform/clock.ts';
import type { Deps } from '../../platform/deps.ts';
import { isRestricted } from '../privacy/rights/restriction.ts';
import { communityProblems } from './community-problems.ts';
import { communityMember } from './schema.ts';

export interface MemberInput {
  userName: string;
  firstName: string;
  lastName: string;
  showFullName: boolean;
  notifyReplies: boolean;
}

export interface MemberView extends MemberInput {
  joinedAt: string;
}

/** What everyone sees of a member: the user name, and the full name only when the member chose to show it. */
export interface PublicAuthor {
  userName: string;
  fullName: string | null;
}

export type MemberRow = typeof communityMember.$inferSelect;

/** Names a member could pass for the vendor's own people with. */
const RESERVED_NAMES = /^(?:admin|administrator|staff|support|moderator|mod|steward|official|security|dpo|privacy|root|system)(?:[._-]?\d*)$/i;

export const COMMUNITY_PURGE_MS = 24 * HOUR_MS;

export function publicAuthor(member: Pick<MemberRow, 'userName' | 'firstName' | 'lastName' | 'showFullName'>): PublicAuthor {
  return { userName: member.userName, fullName: member.showFullName ? `${member.firstName} ${member.lastName}` : null };
}

function view(row: MemberRow): MemberView {
  return {
    userName: row.userName,
    firstName: row.firstName,
    lastName: row.lastName,
    showFullName: row.showFullName,
    notifyReplies: row.notifyReplies,
    joinedAt: row.createdAt.toISOString(),
  };
}

async function memberRow(deps: Pick<Deps, 'db'>, userId: string): Promise<MemberRow | undefined> {
  const [row] = await deps.db.select().from(communityMember).where(eq(communityMember.userId, userId));
  return row;
}

/** The caller's community account, while it is not deleted. */
export async function requireMember(deps: Pick<Deps, 'db'>, userId: string): Promise<MemberRow> {
  const row = await memberRow(deps, userId);
  if (!row || row.deletedAt) throw communityProblems.notMember();
  return row;
}

/** Writing is new processing, which a restricted account does not get (RIGHT-6). */
export async function requirePostingMember(deps: Pick<Deps, 'db'>, userId: string): Promise<MemberRow> {
  const member = await requireMember(deps, userId);
  if (await isRestricted(deps, userId)) throw communityProblems.restricted();
  return member;
}

/** The caller's own profile; a deletion under way says so, since the purge is what frees joining again. */
export async function myMembership(deps: Pick<Deps, 'db'>, userId: string): Promise<MemberView> {
  const row = await memberRow(deps, userId);
  if (row?.deletedAt) throw communityProblems.deletionPending();
  if (!row) throw communityProblems.notMember();
  return view(row);
}

function isUniqueViolation(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } }).cause ?? error;
  return (cause as { code?: string }).code === '23505';
}

/**
 * COMM-1: joins the community, or corrects the profile (ACC-4). Email and password are the account's own. Correcting is
 * allowed while processing is restricted; joining is new processing and is not.
 */
export async function saveMembership(deps: Pick<Deps, 'db' | 'clock'>, userId: string, input: MemberInput): Promise<{ created: boolean; member: MemberView }> {
  if (RESERVED_NAMES.test(input.userName)) throw communityProblems.userNameReserved();
  const existing = await memberRow(deps, userId);
  if (existing?.deletedAt) throw communityProblems.deletionPending();
  if (!existing && (await isRestricted(deps, userId))) throw communityProblems.restricted();
  const now = deps.clock.now();
  try {
    if (existing) {
      const [row] = await deps.db
        .update(communityMember)
        .set({ ...input, updatedAt: now })
        .where(and(eq(communityMember.userId, userId), isNull(communityMember.deletedAt)))
        .returning();
      return { created: false, member: view(row) };
    }
    const [row] = await deps.db
      .insert(communityMember)
      .values({ userId, ...input, createdAt: now, updatedAt: now })
      .returning();
    return { created: true, member: view(row) };
  } catch (error) {
    if (isUniqueViolation(error)) throw communityProblems.userNameTaken();
    throw error;
  }
}

/**
 * COMM-4: ends the community account. Its profile, posts and comments are hidden from that moment and purged by the
 * retention sweep within 24 hours. Also called when the whole Steward account is deleted, whose own purge waits a month.
 */
export async function leaveCommunity(deps: Pick<Deps, 'db' | 'clock'>, userId: string): Promise<{ purgeBy: Date } | null> {
  const now = deps.clock.now();
  // The names go at once: the user name is free for others from now on, and says nothing of who was here. The
  // placeholder cannot be typed as a user name, so it never clashes with one.
  const [row] = await deps.db
    .update(communityMember)
    .set({ deletedAt: now, updatedAt: now, userName: `~${randomUUID()}`, firstName: '', lastName: '' })
    .where(and(eq(communityMember.userId, userId), isNull(communityMember.deletedAt)))
    .returning({ deletedAt: communityMember.deletedAt });
  return row ? { purgeBy: new Date(now.getTime() + COMMUNITY_PURGE_MS) } : null;
}

/** Members whose user name is this one, ignoring case, for the public profile page. */
export async function memberByUserName(deps: Pick<Deps, 'db'>, userName: string): Promise<MemberRow | undefined> {
  const [row] = await deps.db
    .select()
    .from(communityMember)
    .where(and(sql`lower(${communityMember.userName}) = lower(${userName})`, isNull(communityMember.deletedAt)));
  return row;
}
