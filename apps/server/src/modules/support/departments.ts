import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Deps } from '../../platform/deps.ts';
import { Problem, problems } from '../../platform/errors.ts';
import type { RuleLicenseKind } from './route-request.ts';
import { supportAgent, supportDepartment, supportRoutingRule } from './schema.ts';
import { staffDirectory } from './staff-directory.ts';

interface DefaultDepartment {
  code: string;
  name: string;
  isDefault: boolean;
  rule?: { language?: string; licenseKind?: RuleLicenseKind };
}

/** Every installation starts with these; the rules they bring are the ones SUP-3 describes. */
const DEFAULT_DEPARTMENTS: DefaultDepartment[] = [
  { code: 'consumer', name: 'Home products', isDefault: true },
  { code: 'dach', name: 'German-speaking customers', isDefault: false, rule: { language: 'de' } },
  { code: 'business', name: 'Business products', isDefault: false, rule: { licenseKind: 'business' } },
];

/** Who seeded a rule when no administrator did. */
export const SYSTEM_ACTOR = 'system';

/**
 * Creates the default departments once. Their rules are added only by the call that created
 * the department, so a rule an administrator removed stays removed across restarts and nodes.
 */
export async function ensureDefaultDepartments(deps: Pick<Deps, 'db' | 'clock'>): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const created = await tx
      .insert(supportDepartment)
      .values(DEFAULT_DEPARTMENTS.map(({ code, name, isDefault }) => ({ code, name, isDefault, createdAt: now })))
      .onConflictDoNothing({ target: supportDepartment.code })
      .returning({ id: supportDepartment.id, code: supportDepartment.code });
    const [{ next }] = await tx.select({ next: sql<number>`coalesce(max(${supportRoutingRule.position}) + 1, 0)::int` }).from(supportRoutingRule);
    const rules = DEFAULT_DEPARTMENTS.flatMap((d) => {
      const department = created.find((c) => c.code === d.code);
      return department && d.rule ? [{ departmentId: department.id, ...d.rule }] : [];
    });
    if (rules.length > 0)
      await tx.insert(supportRoutingRule).values(rules.map((rule, i) => ({ ...rule, position: next + i, updatedById: SYSTEM_ACTOR, updatedAt: now })));
  });
}

export interface DepartmentView {
  id: string;
  code: string;
  name: string;
  isDefault: boolean;
  agents: { id: string; email: string }[];
}

export async function listDepartments(deps: Pick<Deps, 'db'>): Promise<DepartmentView[]> {
  const departments = await deps.db.select().from(supportDepartment).orderBy(asc(supportDepartment.code));
  const agents = await deps.db.select().from(supportAgent).orderBy(asc(supportAgent.addedAt));
  const emails = await staffDirectory(
    deps,
    agents.map((a) => a.userId),
  );
  return departments.map((d) => ({
    id: d.id,
    code: d.code,
    name: d.name,
    isDefault: d.isDefault,
    agents: agents
      .filter((a) => a.departmentId === d.id)
      .flatMap((a) => (emails.has(a.userId) ? [{ id: a.userId, email: emails.get(a.userId) as string }] : [])),
  }));
}

export async function departmentView(deps: Pick<Deps, 'db'>, departmentId: string): Promise<DepartmentView> {
  const view = (await listDepartments(deps)).find((d) => d.id === departmentId);
  if (!view) throw problems.notFound('department');
  return view;
}

export async function createDepartment(deps: Pick<Deps, 'db' | 'clock'>, input: { code: string; name: string }): Promise<DepartmentView> {
  const [row] = await deps.db
    .insert(supportDepartment)
    .values({ code: input.code, name: input.name.trim(), isDefault: false, createdAt: deps.clock.now() })
    .onConflictDoNothing({ target: supportDepartment.code })
    .returning({ id: supportDepartment.id });
  if (!row) throw new Problem(409, 'department-exists', 'A department with this code exists');
  return departmentView(deps, row.id);
}

/** Roles that may work requests: support agents, and administrators who also act as one. */
const AGENT_ROLES = new Set(['support', 'admin']);

/** Replaces the department's agents; every one must be a staff member who may handle requests. */
export async function setAgents(deps: Pick<Deps, 'db' | 'clock'>, departmentId: string, agentIds: string[]): Promise<DepartmentView> {
  const [department] = await deps.db.select({ id: supportDepartment.id }).from(supportDepartment).where(eq(supportDepartment.id, departmentId));
  if (!department) throw problems.notFound('department');
  const unique = [...new Set(agentIds)];
  const roles = await staffDirectory(deps, unique, 'role');
  const refused = unique.find((id) => !AGENT_ROLES.has(roles.get(id) ?? ''));
  if (refused) throw problems.invalidField('agentIds', `${refused} is not a staff member with the support or admin role`);
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await tx.delete(supportAgent).where(eq(supportAgent.departmentId, departmentId));
    if (unique.length > 0) await tx.insert(supportAgent).values(unique.map((userId) => ({ userId, departmentId, addedAt: now })));
  });
  return departmentView(deps, departmentId);
}

/** Adds one agent without touching the others, for the command line and tests. */
export async function addAgent(deps: Pick<Deps, 'db' | 'clock'>, departmentCode: string, userId: string): Promise<void> {
  const [department] = await deps.db.select({ id: supportDepartment.id }).from(supportDepartment).where(eq(supportDepartment.code, departmentCode));
  if (!department) throw problems.notFound('department');
  await deps.db.insert(supportAgent).values({ userId, departmentId: department.id, addedAt: deps.clock.now() }).onConflictDoNothing();
}

/** The departments whose requests this staff member handles (SUP-6). */
export async function departmentsOfAgent(deps: Pick<Deps, 'db'>, userId: string): Promise<string[]> {
  const rows = await deps.db.select({ id: supportAgent.departmentId }).from(supportAgent).where(eq(supportAgent.userId, userId));
  return rows.map((r) => r.id);
}

export async function isAgentOf(deps: Pick<Deps, 'db'>, userId: string, departmentId: string): Promise<boolean> {
  const [row] = await deps.db
    .select({ id: supportAgent.userId })
    .from(supportAgent)
    .where(and(eq(supportAgent.userId, userId), eq(supportAgent.departmentId, departmentId)));
  return row !== undefined;
}

/** Agents of the caller's departments with the departments they serve; administrators see every agent. */
export async function listAgents(deps: Pick<Deps, 'db'>, caller: { userId: string; role: string }) {
  const mine = caller.role === 'admin' ? undefined : await departmentsOfAgent(deps, caller.userId);
  if (mine?.length === 0) return [];
  const rows = await deps.db
    .select({ userId: supportAgent.userId, code: supportDepartment.code })
    .from(supportAgent)
    .innerJoin(supportDepartment, eq(supportDepartment.id, supportAgent.departmentId))
    .where(mine ? inArray(supportAgent.departmentId, mine) : undefined)
    .orderBy(asc(supportDepartment.code));
  const emails = await staffDirectory(
    deps,
    rows.map((r) => r.userId),
  );
  const byAgent = new Map<string, string[]>();
  for (const row of rows) byAgent.set(row.userId, [...(byAgent.get(row.userId) ?? []), row.code]);
  return [...byAgent].flatMap(([id, departments]) => (emails.has(id) ? [{ id, email: emails.get(id) as string, departments }] : []));
}
