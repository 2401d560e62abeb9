import { asc, sql } from 'drizzle-orm';
import type { Deps } from '../../platform/deps.ts';
import { problems } from '../../platform/errors.ts';
import { PRODUCTS } from '../licenses/catalogue.ts';
import { type RoutingDepartment, type RoutingFacts, type RoutingRule, type RuleLicenseKind, routeRequest } from './route-request.ts';
import { supportDepartment, supportRoutingRule } from './schema.ts';

export type RuleInput = Partial<Omit<RoutingRule, 'position' | 'departmentId'>> & { departmentId: string };
export type RuleView = RoutingRule & { id: string };

export async function listRules(deps: Pick<Deps, 'db'>): Promise<RuleView[]> {
  const rows = await deps.db.select().from(supportRoutingRule).orderBy(asc(supportRoutingRule.position));
  return rows.map((r) => ({
    id: r.id,
    position: r.position,
    departmentId: r.departmentId,
    licenseKind: r.licenseKind as RuleLicenseKind | null,
    productId: r.productId,
    country: r.country,
    language: r.language,
  }));
}

async function routingDepartments(deps: Pick<Deps, 'db'>): Promise<RoutingDepartment[]> {
  return deps.db.select({ id: supportDepartment.id, isDefault: supportDepartment.isDefault }).from(supportDepartment);
}

/** Loads the rules and departments as they stand and routes by them (SUP-3). */
export async function departmentFor(deps: Pick<Deps, 'db'>, facts: RoutingFacts): Promise<string> {
  const [rules, departments] = await Promise.all([listRules(deps), routingDepartments(deps)]);
  return routeRequest(rules, departments, facts);
}

async function checkRules(deps: Pick<Deps, 'db'>, rules: RuleInput[]): Promise<void> {
  const known = new Set((await routingDepartments(deps)).map((d) => d.id));
  const products = new Set(PRODUCTS.map((p) => p.id));
  rules.forEach((rule, i) => {
    if (!known.has(rule.departmentId)) throw problems.invalidField(`rules.${i}.departmentId`, 'is not a department');
    if (rule.productId && !products.has(rule.productId)) throw problems.invalidField(`rules.${i}.productId`, 'is not a product of the catalogue');
  });
}

/** Replaces the ordered list: a rule's position is its place in `rules`. */
export async function replaceRules(deps: Pick<Deps, 'db' | 'clock'>, adminId: string, rules: RuleInput[]): Promise<RuleView[]> {
  await checkRules(deps, rules);
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    // Two administrators saving at once must not interleave into one list of both.
    await tx.execute(sql`lock table ${supportRoutingRule} in share row exclusive mode`);
    await tx.delete(supportRoutingRule);
    if (rules.length === 0) return;
    await tx.insert(supportRoutingRule).values(
      rules.map((rule, position) => ({
        position,
        departmentId: rule.departmentId,
        licenseKind: rule.licenseKind ?? null,
        productId: rule.productId ?? null,
        country: rule.country ?? null,
        language: rule.language ?? null,
        updatedById: adminId,
        updatedAt: now,
      })),
    );
  });
  return listRules(deps);
}
