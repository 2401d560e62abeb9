import { asc, eq } from 'drizzle-orm';
import type { Deps } from '../../platform/deps.ts';
import { userSummaries } from '../accounts/user-summaries.ts';
import { companyProblems } from './company-problems.ts';
import { isAdministrator, type Membership } from './membership.ts';
import { company, companyMember } from './schema.ts';

type Tx = Parameters<Parameters<Deps['db']['transaction']>[0]>[0];

/** The company's members whose accounts still exist, longest-standing first. */
async function livingMembers(deps: Pick<Deps, 'db'>, companyId: string) {
  const rows = await deps.db
    .select({ id: companyMember.id, userId: companyMember.userId, role: companyMember.role })
    .from(companyMember)
    .where(eq(companyMember.organizationId, companyId))
    .orderBy(asc(companyMember.createdAt), asc(companyMember.id));
  const people = await userSummaries(
    deps,
    rows.map((row) => row.userId),
  );
  return rows.flatMap((row) => {
    const person = people.get(row.userId);
    return person && !person.deleted ? [{ ...row, name: person.name, email: person.email }] : [];
  });
}

async function makeOwner(tx: Tx, from: string, to: string): Promise<void> {
  await tx.update(companyMember).set({ role: 'admin' }).where(eq(companyMember.id, from));
  await tx.update(companyMember).set({ role: 'owner' }).where(eq(companyMember.id, to));
}

/**
 * When someone's account ends, their company must keep an administrator: if they were its owner, the
 * longest-standing remaining administrator becomes owner; if no administrator remains, the
 * longest-standing member becomes owner and is told why by email. A company with nobody left keeps
 * no administrator; its rows go with the last member's purge rules.
 */
export async function handOverCompany(deps: Pick<Deps, 'db' | 'mailer'>, leaverId: string): Promise<void> {
  const [leaving] = await deps.db
    .select({ id: companyMember.id, companyId: companyMember.organizationId, role: companyMember.role, companyName: company.name })
    .from(companyMember)
    .innerJoin(company, eq(company.id, companyMember.organizationId))
    .where(eq(companyMember.userId, leaverId));
  if (!leaving || !isAdministrator(leaving.role)) return;
  const colleagues = (await livingMembers(deps, leaving.companyId)).filter((member) => member.userId !== leaverId);
  const heir = colleagues.find((c) => isAdministrator(c.role)) ?? colleagues[0];
  const ownerLeaves = leaving.role === 'owner';
  if (!heir || (!ownerLeaves && isAdministrator(heir.role))) return;
  await deps.db.transaction(async (tx) => {
    if (ownerLeaves) await makeOwner(tx, leaving.id, heir.id);
    else await tx.update(companyMember).set({ role: 'owner' }).where(eq(companyMember.id, heir.id));
  });
  if (isAdministrator(heir.role)) return;
  await deps.mailer.send({
    to: heir.email,
    subject: `You now administer ${leaving.companyName} on Steward`,
    text: `The last administrator of ${leaving.companyName} deleted their Steward account. As its longest-standing member, you are now its administrator, so the company's licenses and colleagues can still be managed. You can make a colleague an administrator, or hand the company over, under Company → Members.`,
  });
}

/** The owner hands the company to a colleague, who becomes owner; the former owner stays an administrator. */
export async function transferOwnership(deps: Pick<Deps, 'db'>, owner: Membership, memberId: string): Promise<void> {
  if (owner.role !== 'owner') throw companyProblems.notOwner();
  if (memberId === owner.memberId) throw companyProblems.noMember();
  const heir = (await livingMembers(deps, owner.companyId)).find((member) => member.id === memberId);
  if (!heir) throw companyProblems.noMember();
  await deps.db.transaction((tx) => makeOwner(tx, owner.memberId, heir.id));
}
