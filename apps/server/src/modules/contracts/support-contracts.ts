import { and, eq, inArray } from 'drizzle-orm';
import type { Deps } from '../../platform/deps.ts';
import { problems } from '../../platform/errors.ts';
import { membershipOf, requireMembership } from '../orgs/membership.ts';
import { type SupportLevel, supportContract, supportContractPerson } from './schema.ts';

export const MAX_AUTHORISED = 50;

export interface ContractInput {
  product: string;
  level: SupportLevel;
  startsAt: string;
  endsAt: string;
  authorised: string[];
}

export interface ContractView {
  id: string;
  product: string;
  level: SupportLevel;
  startsAt: string;
  endsAt: string;
  authorised: string[];
}

/**
 * ORG-5: a company administrator records the contract bought, naming the employees authorised
 * on it; they must be the company's members, and from then on only they see it.
 */
export async function recordContract(deps: Pick<Deps, 'db' | 'clock'>, userId: string, input: ContractInput): Promise<ContractView> {
  const company = await requireMembership(deps, userId, { administrator: true });
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(input.endsAt);
  if (!(endsAt > startsAt)) throw problems.invalidField('endsAt', 'must be after startsAt');
  const authorised = [...new Set(input.authorised)];
  for (const person of authorised) {
    if ((await membershipOf(deps, person))?.companyId !== company.companyId) throw problems.invalidField('authorised', 'must name members of your company');
  }
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(supportContract)
      .values({ companyId: company.companyId, product: input.product, level: input.level, startsAt, endsAt, boughtBy: userId, createdAt: now })
      .returning();
    await tx.insert(supportContractPerson).values(authorised.map((person) => ({ contractId: row.id, userId: person, authorisedAt: now })));
    return { id: row.id, product: row.product, level: row.level, startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString(), authorised };
  });
}

/** Only the contracts the caller is named on, administrators included (ORG-5). */
export async function visibleContracts(deps: Pick<Deps, 'db'>, userId: string): Promise<ContractView[]> {
  const company = await requireMembership(deps, userId);
  const rows = await deps.db
    .select({ contract: supportContract })
    .from(supportContract)
    .innerJoin(supportContractPerson, eq(supportContractPerson.contractId, supportContract.id))
    .where(and(eq(supportContract.companyId, company.companyId), eq(supportContractPerson.userId, userId)))
    .orderBy(supportContract.endsAt);
  if (rows.length === 0) return [];
  const people = await deps.db
    .select()
    .from(supportContractPerson)
    .where(
      inArray(
        supportContractPerson.contractId,
        rows.map((r) => r.contract.id),
      ),
    );
  return rows.map(({ contract }) => ({
    id: contract.id,
    product: contract.product,
    level: contract.level,
    startsAt: contract.startsAt.toISOString(),
    endsAt: contract.endsAt.toISOString(),
    authorised: people.filter((p) => p.contractId === contract.id).map((p) => p.userId),
  }));
}
