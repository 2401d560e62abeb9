import { and, eq } from 'drizzle-orm';
import type { Deps } from '../../platform/deps.ts';
import { isAdministrator, type Membership, requireMembership } from '../orgs/membership.ts';
import { type WorkspaceRole, workspace, workspaceMember } from './schema.ts';
import { workspaceProblems } from './workspace-problems.ts';

const RANK: Record<WorkspaceRole, number> = { viewer: 1, operator: 2, admin: 3, owner: 4 };

export const atLeast = (role: WorkspaceRole, need: WorkspaceRole) => RANK[role] >= RANK[need];

/** The stronger of two roles; a company administrator acts as a workspace admin in every workspace of the company. */
export function effectiveRole(own: WorkspaceRole | null, company: Membership): WorkspaceRole | null {
  const implied: WorkspaceRole | null = isAdministrator(company.role) ? 'admin' : null;
  if (!own) return implied;
  if (!implied) return own;
  return atLeast(own, implied) ? own : implied;
}

export interface WorkspaceAccess {
  workspaceId: string;
  companyId: string;
  licenseId: string;
  role: WorkspaceRole;
}

/**
 * The caller's rights in a workspace of their company (WS-1). A workspace they have no role in,
 * or another company's, is not found, so ids cannot be probed; a role too weak is forbidden.
 */
export async function requireWorkspaceRole(deps: Pick<Deps, 'db'>, userId: string, workspaceId: string, need: WorkspaceRole): Promise<WorkspaceAccess> {
  const company = await requireMembership(deps, userId);
  const [row] = await deps.db
    .select({ id: workspace.id, companyId: workspace.companyId, licenseId: workspace.licenseId, own: workspaceMember.role })
    .from(workspace)
    .leftJoin(workspaceMember, and(eq(workspaceMember.workspaceId, workspace.id), eq(workspaceMember.userId, userId)))
    .where(and(eq(workspace.id, workspaceId), eq(workspace.companyId, company.companyId)));
  const role = row ? effectiveRole(row.own, company) : null;
  if (!row || !role) throw workspaceProblems.notFound();
  if (!atLeast(role, need)) throw workspaceProblems.forbidden(need);
  return { workspaceId: row.id, companyId: row.companyId, licenseId: row.licenseId, role };
}
