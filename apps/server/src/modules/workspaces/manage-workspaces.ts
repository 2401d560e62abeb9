import { and, count, eq, inArray } from 'drizzle-orm';
import type { Deps } from '../../platform/deps.ts';
import { companyLicenseViews } from '../licenses/license-view.ts';
import { isAdministrator, requireMembership } from '../orgs/membership.ts';
import { effectiveRole } from './access.ts';
import { type WorkspaceRole, workspace, workspaceMember } from './schema.ts';
import { workspaceProblems } from './workspace-problems.ts';

export const MAX_WORKSPACES_PER_COMPANY = 100;

export interface WorkspaceView {
  id: string;
  name: string;
  licenseId: string;
  role: WorkspaceRole;
  createdAt: string;
}

/** A company administrator creates a workspace on one of the company's running licenses and becomes its owner (WS-1). */
export async function createWorkspace(deps: Pick<Deps, 'db' | 'clock'>, userId: string, input: { name: string; licenseId: string }): Promise<WorkspaceView> {
  const company = await requireMembership(deps, userId, { administrator: true });
  const [licensed] = await companyLicenseViews(deps, company.companyId, input.licenseId);
  if (licensed?.status !== 'active') throw workspaceProblems.licenseNotUsable();
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const [held] = await tx.select({ n: count() }).from(workspace).where(eq(workspace.companyId, company.companyId));
    if (held.n >= MAX_WORKSPACES_PER_COMPANY) throw workspaceProblems.tooMany('workspaces per company', MAX_WORKSPACES_PER_COMPANY);
    const [row] = await tx
      .insert(workspace)
      .values({ companyId: company.companyId, name: input.name, licenseId: input.licenseId, createdBy: userId, createdAt: now })
      .returning();
    await tx.insert(workspaceMember).values({ workspaceId: row.id, userId, role: 'owner', createdAt: now });
    return { id: row.id, name: row.name, licenseId: row.licenseId, role: 'owner', createdAt: row.createdAt.toISOString() };
  });
}

/** The workspaces the caller has a role in; a company administrator sees all of the company's (WS-1). */
export async function listWorkspaces(deps: Pick<Deps, 'db'>, userId: string): Promise<WorkspaceView[]> {
  const company = await requireMembership(deps, userId);
  const own = await deps.db
    .select({ workspaceId: workspaceMember.workspaceId, role: workspaceMember.role })
    .from(workspaceMember)
    .where(eq(workspaceMember.userId, userId));
  const roles = new Map(own.map((m) => [m.workspaceId, m.role]));
  const administrator = isAdministrator(company.role);
  if (!administrator && roles.size === 0) return [];
  const scope = administrator ? undefined : inArray(workspace.id, [...roles.keys()]);
  const rows = await deps.db
    .select()
    .from(workspace)
    .where(and(eq(workspace.companyId, company.companyId), scope))
    .orderBy(workspace.createdAt, workspace.id);
  return rows.flatMap((row) => {
    const role = effectiveRole(roles.get(row.id) ?? null, company);
    return role ? [{ id: row.id, name: row.name, licenseId: row.licenseId, role, createdAt: row.createdAt.toISOString() }] : [];
  });
}

export async function getWorkspace(deps: Pick<Deps, 'db'>, userId: string, workspaceId: string): Promise<WorkspaceView> {
  const found = (await listWorkspaces(deps, userId)).find((w) => w.id === workspaceId);
  if (!found) throw workspaceProblems.notFound();
  return found;
}
