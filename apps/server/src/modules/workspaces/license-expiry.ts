import { and, eq, gt } from 'drizzle-orm';
import { DAY_MS } from '../../platform/clock.ts';
import type { Deps } from '../../platform/deps.ts';
import { Problem } from '../../platform/errors.ts';
import { getProfile } from '../accounts/profile.ts';
import { licenseEnds } from '../licenses/license-ends.ts';
import type { RuleStatus } from '../privacy/retention/expire-rows.ts';
import { isRestricted } from '../privacy/rights/restriction.ts';
import { eraseWorkspace } from './delete-workspace.ts';
import { workspace, workspaceDeletionWarning, workspaceMember } from './schema.ts';

/** Time after the license ends for the company to renew before the workspace goes (WS-3). */
export const GRACE_MS = 30 * DAY_MS;
export const WARNING_DAYS = [14, 3] as const;
const PAGE = 500;

interface Doomed {
  id: string;
  name: string;
  licenseEnds: Date;
  deleteAt: Date;
}

/** Every workspace with the moment its license's lapse deletes it; perpetual licenses never do. */
async function* withDeadlines(deps: Pick<Deps, 'db'>): AsyncGenerator<Doomed> {
  let after: string | undefined;
  for (;;) {
    const page = await deps.db
      .select({ id: workspace.id, name: workspace.name, licenseId: workspace.licenseId })
      .from(workspace)
      .where(after ? gt(workspace.id, after) : undefined)
      .orderBy(workspace.id)
      .limit(PAGE);
    const ends = await licenseEnds(deps, [...new Set(page.map((w) => w.licenseId))]);
    for (const w of page) {
      const ended = ends.get(w.licenseId);
      if (ended) yield { id: w.id, name: w.name, licenseEnds: ended, deleteAt: new Date(ended.getTime() + GRACE_MS) };
    }
    if (page.length < PAGE) return;
    after = page[page.length - 1].id;
  }
}

export async function expiredWorkspacesStatus(deps: Pick<Deps, 'db' | 'clock'>): Promise<RuleStatus> {
  const now = deps.clock.now();
  let due = 0;
  let oldest: Date | null = null;
  for await (const w of withDeadlines(deps)) {
    if (w.deleteAt <= now) due++;
    if (!oldest || w.licenseEnds < oldest) oldest = w.licenseEnds;
  }
  return { due, oldest };
}

/** The retention sweep: deletes each workspace whose license ended more than the grace ago (WS-3). */
export async function deleteExpiredWorkspaces(deps: Pick<Deps, 'db' | 'clock'>): Promise<number> {
  const now = deps.clock.now();
  const due: string[] = [];
  for await (const w of withDeadlines(deps)) if (w.deleteAt <= now) due.push(w.id);
  let deleted = 0;
  for (const id of due) if (await eraseWorkspace(deps, id)) deleted++;
  return deleted;
}

async function ownerAddresses(deps: Pick<Deps, 'db'>, workspaceId: string): Promise<Array<{ userId: string; email: string }>> {
  const owners = await deps.db
    .select({ userId: workspaceMember.userId })
    .from(workspaceMember)
    .where(and(eq(workspaceMember.workspaceId, workspaceId), eq(workspaceMember.role, 'owner')));
  const out: Array<{ userId: string; email: string }> = [];
  for (const { userId } of owners) {
    if (await isRestricted(deps, userId)) continue;
    try {
      out.push({ userId, email: (await getProfile(deps, userId)).email });
    } catch (error) {
      if (!(error instanceof Problem && error.status === 404)) throw error;
    }
  }
  return out;
}

/** One warning per workspace, license term and window, claimed before sending so a rerun never sends it twice. */
async function warn(deps: Pick<Deps, 'db' | 'clock' | 'config' | 'mailer'>, w: Doomed, days: number): Promise<boolean> {
  const claimed = await deps.db
    .insert(workspaceDeletionWarning)
    .values({ workspaceId: w.id, licenseExpiresAt: w.licenseEnds, daysBefore: days, sentAt: deps.clock.now() })
    .onConflictDoNothing()
    .returning({ id: workspaceDeletionWarning.workspaceId });
  if (claimed.length === 0) return false;
  const date = w.deleteAt.toISOString().slice(0, 10);
  try {
    for (const owner of await ownerAddresses(deps, w.id)) {
      await deps.mailer.send({
        to: owner.email,
        subject: `Your workspace “${w.name}” will be deleted on ${date}`,
        text: `The license of your workspace “${w.name}” ended on ${w.licenseEnds.toISOString().slice(0, 10)}. Unless it is renewed, the workspace, its devices and everything they reported will be deleted on ${date}.\n\nRenew the license in your company account:\n${deps.config.baseUrl}/account/company`,
        userId: owner.userId,
        kind: 'service',
      });
    }
  } catch (error) {
    // Unclaimed, the next run sends the warning again rather than never.
    await deps.db
      .delete(workspaceDeletionWarning)
      .where(
        and(
          eq(workspaceDeletionWarning.workspaceId, w.id),
          eq(workspaceDeletionWarning.licenseExpiresAt, w.licenseEnds),
          eq(workspaceDeletionWarning.daysBefore, days),
        ),
      );
    throw error;
  }
  return true;
}

/** The daily run: warns the owners 14 and 3 days before their workspace is deleted (WS-3). */
export async function sendDeletionWarnings(deps: Pick<Deps, 'db' | 'clock' | 'config' | 'mailer'>): Promise<number> {
  const now = deps.clock.now().getTime();
  let sent = 0;
  for await (const w of withDeadlines(deps)) {
    const left = w.deleteAt.getTime() - now;
    if (left <= 0) continue;
    const days = WARNING_DAYS.find((d, i) => left <= d * DAY_MS && left > (WARNING_DAYS[i + 1] ?? 0) * DAY_MS);
    if (days && (await warn(deps, w, days))) sent++;
  }
  return sent;
}
