import { and, count, eq } from 'drizzle-orm';
import type { Deps } from '../../platform/deps.ts';
import { membershipOf, memberUserIds } from '../orgs/membership.ts';
import { requireWorkspaceRole } from './access.ts';
import { type WorkspaceRole, workspaceMember } from './schema.ts';
import { workspaceProblems } from './workspace-problems.ts';

export const MAX_MEMBERS_PER_WORKSPACE = 1000;

/** A role of someone who has left the company gives no access (every check asks for current membership), so it is not shown either. */
export async function listMembers(deps: Pick<Deps, 'db'>, userId: string, workspaceId: string) {
  const access = await requireWorkspaceRole(deps, userId, workspaceId, 'viewer');
  const [roles, colleagues] = await Promise.all([
    deps.db
      .select({ userId: workspaceMember.userId, role: workspaceMember.role })
      .from(workspaceMember)
      .where(eq(workspaceMember.workspaceId, workspaceId))
      .orderBy(workspaceMember.createdAt, workspaceMember.userId),
    memberUserIds(deps, access.companyId),
  ]);
  return roles.filter((role) => colleagues.has(role.userId));
}

/**
 * Owners and admins give colleagues a role (WS-1); only an owner makes or unmakes an owner, and
 * the last owner stays, so a workspace always has someone who may delete it.
 */
export async function setMemberRole(deps: Pick<Deps, 'db' | 'clock'>, callerId: string, workspaceId: string, target: { userId: string; role: WorkspaceRole }) {
  const access = await requireWorkspaceRole(deps, callerId, workspaceId, 'admin');
  const colleague = await membershipOf(deps, target.userId);
  if (colleague?.companyId !== access.companyId) throw workspaceProblems.notColleague();
  await deps.db.transaction(async (tx) => {
    const members = await tx.select().from(workspaceMember).where(eq(workspaceMember.workspaceId, workspaceId)).for('update');
    const current = members.find((m) => m.userId === target.userId);
    if ((target.role === 'owner' || current?.role === 'owner') && access.role !== 'owner') throw workspaceProblems.forbidden('owner');
    if (current?.role === 'owner' && target.role !== 'owner' && members.filter((m) => m.role === 'owner').length === 1) throw workspaceProblems.lastOwner();
    if (!current && members.length >= MAX_MEMBERS_PER_WORKSPACE) throw workspaceProblems.tooMany('members per workspace', MAX_MEMBERS_PER_WORKSPACE);
    await tx
      .insert(workspaceMember)
      .values({ workspaceId, userId: target.userId, role: target.role, createdAt: deps.clock.now() })
      .onConflictDoUpdate({ target: [workspaceMember.workspaceId, workspaceMember.userId], set: { role: target.role } });
  });
  return { userId: target.userId, role: target.role };
}

export async function removeMember(deps: Pick<Deps, 'db'>, callerId: string, workspaceId: string, userId: string): Promise<void> {
  const access = await requireWorkspaceRole(deps, callerId, workspaceId, 'admin');
  await deps.db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(workspaceMember)
      .where(and(eq(workspaceMember.workspaceId, workspaceId), eq(workspaceMember.userId, userId)))
      .for('update');
    if (!current) throw workspaceProblems.notFound();
    if (current.role === 'owner') {
      if (access.role !== 'owner') throw workspaceProblems.forbidden('owner');
      const [owners] = await tx
        .select({ n: count() })
        .from(workspaceMember)
        .where(and(eq(workspaceMember.workspaceId, workspaceId), eq(workspaceMember.role, 'owner')));
      if (owners.n <= 1) throw workspaceProblems.lastOwner();
    }
    await tx.delete(workspaceMember).where(and(eq(workspaceMember.workspaceId, workspaceId), eq(workspaceMember.userId, userId)));
  });
}
