import { randomUUID } from 'node:crypto';
import { and, count, eq, inArray } from 'drizzle-orm';
import type { Deps } from '../../platform/deps.ts';
import { problems } from '../../platform/errors.ts';
import { COMPANY_MEMBER_LIMIT } from '../accounts/auth-options.ts';
import { type UserSummary, userSummaries } from '../accounts/user-summaries.ts';
import { companyProblems } from './company-problems.ts';
import { type CompanyView, companyView } from './company-view.ts';
import { type CompanyRole, membershipOf } from './membership.ts';
import { company, companyInvitation, companyMember, companyNotice } from './schema.ts';

type Tx = Parameters<Parameters<Deps['db']['transaction']>[0]>[0];

export interface Joining {
  companyId: string;
  joiner: UserSummary;
  role: CompanyRole;
  via: 'invitation' | 'domain';
  /** Marked accepted in the same transaction as the membership. */
  invitationId?: string;
}

function isUniqueViolation(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } }).cause ?? error;
  return (cause as { code?: string }).code === '23505';
}

async function addMember(tx: Tx, deps: Pick<Deps, 'clock'>, joining: Joining): Promise<void> {
  const [{ members }] = await tx.select({ members: count() }).from(companyMember).where(eq(companyMember.organizationId, joining.companyId));
  if (members >= COMPANY_MEMBER_LIMIT) throw problems.conflict('company-full', 'The company has as many members as it may have');
  const now = deps.clock.now();
  const { joiner } = joining;
  await tx.insert(companyMember).values({ id: randomUUID(), organizationId: joining.companyId, userId: joiner.id, role: joining.role, createdAt: now });
  await tx.insert(companyNotice).values({
    id: randomUUID(),
    organizationId: joining.companyId,
    kind: 'member-joined',
    subjectUserId: joiner.id,
    name: joiner.name,
    email: joiner.email,
    createdAt: now,
  });
  if (joining.invitationId) await tx.update(companyInvitation).set({ status: 'accepted' }).where(eq(companyInvitation.id, joining.invitationId));
}

async function tellAdministrators(deps: Pick<Deps, 'db' | 'mailer'>, joining: Joining): Promise<void> {
  const [row] = await deps.db.select({ name: company.name }).from(company).where(eq(company.id, joining.companyId));
  const admins = await deps.db
    .select({ userId: companyMember.userId })
    .from(companyMember)
    .where(and(eq(companyMember.organizationId, joining.companyId), inArray(companyMember.role, ['owner', 'admin'])));
  const people = await userSummaries(
    deps,
    admins.map((a) => a.userId),
  );
  const { joiner } = joining;
  const how = joining.via === 'invitation' ? 'accepted an invitation' : 'joined with an address on the company’s verified domain';
  for (const admin of people.values()) {
    if (admin.deleted) continue;
    await deps.mailer.send({
      to: admin.email,
      userId: admin.id,
      subject: `${joiner.name || joiner.email} joined ${row?.name ?? 'your company'}`,
      text: `${joiner.name || '(no name given)'} <${joiner.email}> ${how} and is now a member of ${row?.name ?? 'your company'} on Steward.\nIf you do not know this person, remove them from the company's members.`,
    });
  }
}

/** Adds the person to the company and tells its administrators their name and address (ORG-2). */
export async function joinCompany(deps: Pick<Deps, 'db' | 'clock' | 'mailer'>, joining: Joining): Promise<CompanyView> {
  try {
    await deps.db.transaction((tx) => addMember(tx, deps, joining));
  } catch (error) {
    // The unique index on the member's user id settles two joins at once: one company per person.
    if (isUniqueViolation(error)) throw companyProblems.alreadyInCompany();
    throw error;
  }
  await tellAdministrators(deps, joining);
  const membership = await membershipOf(deps, joining.joiner.id);
  if (!membership) throw companyProblems.noCompany();
  return companyView(deps, membership);
}
