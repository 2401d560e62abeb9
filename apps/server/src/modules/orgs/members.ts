import { and, asc, eq } from 'drizzle-orm';
import type { Deps } from '../../platform/deps.ts';
import type { Auth } from '../accounts/auth.ts';
import { updateProfile } from '../accounts/profile.ts';
import { type UserSummary, userSummaries, userSummary } from '../accounts/user-summaries.ts';
import { companyProblems } from './company-problems.ts';
import type { AssignableRole, Membership } from './membership.ts';
import { companyMember } from './schema.ts';

export interface MemberView {
  id: string;
  userId: string;
  name: string;
  email: string;
  language: string | null;
  role: string;
  joinedAt: string;
}

export interface MemberEdit {
  name?: string;
  language?: string | null;
  role?: AssignableRole;
}

type MemberRow = typeof companyMember.$inferSelect;

function view(row: MemberRow, user: UserSummary): MemberView {
  return { id: row.id, userId: row.userId, name: user.name, email: user.email, language: user.language, role: row.role, joinedAt: row.createdAt.toISOString() };
}

/** Deleted accounts keep their row until the purge (ORG-6) but are no longer colleagues anyone can act on. */
export async function listMembers(deps: Pick<Deps, 'db'>, membership: Membership): Promise<MemberView[]> {
  const rows = await deps.db.select().from(companyMember).where(eq(companyMember.organizationId, membership.companyId)).orderBy(asc(companyMember.createdAt));
  const people = await userSummaries(
    deps,
    rows.map((r) => r.userId),
  );
  return rows.flatMap((row) => {
    const user = people.get(row.userId);
    return user && !user.deleted ? [view(row, user)] : [];
  });
}

/** A member of the caller's own company; any other id, or a deleted colleague, is not found. */
async function colleague(deps: Pick<Deps, 'db'>, membership: Membership, memberId: string): Promise<{ row: MemberRow; user: UserSummary }> {
  const [row] = await deps.db
    .select()
    .from(companyMember)
    .where(and(eq(companyMember.id, memberId), eq(companyMember.organizationId, membership.companyId)));
  const user = row ? await userSummary(deps, row.userId) : undefined;
  if (!row || !user || user.deleted) throw companyProblems.noMember();
  return { row, user };
}

/** ORG-3: an administrator corrects a colleague's name or language, or sets their role. */
export async function editMember(deps: Pick<Deps, 'db' | 'clock'>, membership: Membership, memberId: string, edit: MemberEdit): Promise<MemberView> {
  const { row } = await colleague(deps, membership, memberId);
  if (edit.role !== undefined && row.role === 'owner') throw companyProblems.ownerStays();
  // updateProfile takes a plain Db; a drizzle transaction answers the same queries, so the role
  // and the profile change commit or fail together.
  await deps.db.transaction(async (tx) => {
    if (edit.role !== undefined) await tx.update(companyMember).set({ role: edit.role }).where(eq(companyMember.id, row.id));
    await updateProfile({ db: tx as unknown as Deps['db'], clock: deps.clock }, row.userId, { name: edit.name, language: edit.language });
  });
  const updated = await colleague(deps, membership, memberId);
  return view(updated.row, updated.user);
}

/** The colleague leaves the company; their personal account stays theirs (ORG-3). */
export async function removeMember(deps: Pick<Deps, 'db'>, membership: Membership, memberId: string): Promise<void> {
  const { row } = await colleague(deps, membership, memberId);
  if (row.role === 'owner') throw companyProblems.ownerStays();
  await deps.db.delete(companyMember).where(eq(companyMember.id, row.id));
}

/** ORG-3: the administrator never learns or sets the password; the colleague gets Better Auth's reset link. */
export async function resetColleaguePassword(auth: Auth, deps: Pick<Deps, 'db'>, membership: Membership, memberId: string): Promise<void> {
  const { user } = await colleague(deps, membership, memberId);
  await auth.api.requestPasswordReset({ body: { email: user.email, redirectTo: '/reset-password' } });
}

/** A member leaves the company on their own; the administrator who registered it cannot, so it always has one. */
export async function leaveCompany(deps: Pick<Deps, 'db'>, membership: Membership): Promise<void> {
  if (membership.role === 'owner') throw companyProblems.ownerStays();
  await deps.db.delete(companyMember).where(eq(companyMember.id, membership.memberId));
}
