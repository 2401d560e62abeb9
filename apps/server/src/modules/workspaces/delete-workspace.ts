import { eq } from 'drizzle-orm';
import type { Deps } from '../../platform/deps.ts';
import { deleteWorkspaceDevices } from '../devices/workspace-devices.ts';
import { requireWorkspaceRole } from './access.ts';
import { workspace } from './schema.ts';
import { workspaceProblems } from './workspace-problems.ts';

/**
 * WS-3: the workspace and everything in it go at once: its devices with what they reported, and
 * by cascade its members, enrollment tokens and warnings. Returns whether there was one to delete.
 */
export async function eraseWorkspace(deps: Pick<Deps, 'db'>, workspaceId: string): Promise<boolean> {
  return deps.db.transaction(async (tx) => {
    const [locked] = await tx.select({ id: workspace.id }).from(workspace).where(eq(workspace.id, workspaceId)).for('update');
    if (!locked) return false;
    await deleteWorkspaceDevices(tx, workspaceId);
    await tx.delete(workspace).where(eq(workspace.id, workspaceId));
    return true;
  });
}

export async function deleteWorkspaceAsOwner(deps: Pick<Deps, 'db'>, userId: string, workspaceId: string): Promise<void> {
  await requireWorkspaceRole(deps, userId, workspaceId, 'owner');
  await eraseWorkspace(deps, workspaceId);
}

/** Support deletes a workspace when the company asks; the audit log says who, which and why. */
export async function deleteWorkspaceBySupport(
  deps: Pick<Deps, 'db' | 'audit'>,
  staff: { actorId: string; reason: string },
  workspaceId: string,
): Promise<void> {
  const [row] = await deps.db.select({ companyId: workspace.companyId }).from(workspace).where(eq(workspace.id, workspaceId));
  if (!row) throw workspaceProblems.notFound();
  await deps.audit.record({
    actorId: staff.actorId,
    action: 'support.workspace.delete',
    reason: staff.reason,
    details: { workspaceId, companyId: row.companyId },
  });
  await eraseWorkspace(deps, workspaceId);
}
