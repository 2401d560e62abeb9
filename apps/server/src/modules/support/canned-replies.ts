import { asc, eq, inArray, isNull, or } from 'drizzle-orm';
import type { Deps } from '../../platform/deps.ts';
import { problems } from '../../platform/errors.ts';
import { departmentsOfAgent } from './departments.ts';
import { supportCannedReply, supportDepartment } from './schema.ts';

export interface Caller {
  userId: string;
  role: string;
}

export interface CannedReplyInput {
  title: string;
  body: string;
  departmentId: string | null;
}

const columns = {
  id: supportCannedReply.id,
  title: supportCannedReply.title,
  body: supportCannedReply.body,
  departmentId: supportCannedReply.departmentId,
  code: supportDepartment.code,
  name: supportDepartment.name,
};

type Row = { id: string; title: string; body: string; departmentId: string | null; code: string | null; name: string | null };

const view = (r: Row) => ({
  id: r.id,
  title: r.title,
  body: r.body,
  department: r.departmentId ? { id: r.departmentId, code: r.code as string, name: r.name as string } : null,
});

/** Replies for every department, and those of the caller's own; administrators see all. */
export async function listCannedReplies(deps: Pick<Deps, 'db'>, caller: Caller) {
  const mine = caller.role === 'admin' ? undefined : await departmentsOfAgent(deps, caller.userId);
  const rows = await deps.db
    .select(columns)
    .from(supportCannedReply)
    .leftJoin(supportDepartment, eq(supportDepartment.id, supportCannedReply.departmentId))
    .where(mine ? or(isNull(supportCannedReply.departmentId), mine.length ? inArray(supportCannedReply.departmentId, mine) : undefined) : undefined)
    .orderBy(asc(supportCannedReply.title));
  return rows.map(view);
}

/** Administrators write replies for any department or all; an agent only for a department of theirs. */
async function checkDepartment(deps: Pick<Deps, 'db'>, caller: Caller, departmentId: string | null): Promise<void> {
  if (departmentId) {
    const [department] = await deps.db.select({ id: supportDepartment.id }).from(supportDepartment).where(eq(supportDepartment.id, departmentId));
    if (!department) throw problems.invalidField('departmentId', 'is not a department');
  }
  if (caller.role === 'admin') return;
  const mine = await departmentsOfAgent(deps, caller.userId);
  if (!departmentId || !mine.includes(departmentId)) throw problems.forbidden('Agents write replies only for their own departments');
}

async function replyView(deps: Pick<Deps, 'db'>, id: string) {
  const [row] = await deps.db
    .select(columns)
    .from(supportCannedReply)
    .leftJoin(supportDepartment, eq(supportDepartment.id, supportCannedReply.departmentId))
    .where(eq(supportCannedReply.id, id));
  return view(row);
}

export async function createCannedReply(deps: Pick<Deps, 'db' | 'clock'>, caller: Caller, input: CannedReplyInput) {
  await checkDepartment(deps, caller, input.departmentId);
  const [row] = await deps.db
    .insert(supportCannedReply)
    .values({ title: input.title.trim(), body: input.body, departmentId: input.departmentId, updatedById: caller.userId, updatedAt: deps.clock.now() })
    .returning({ id: supportCannedReply.id });
  return replyView(deps, row.id);
}

/** The reply when the caller may change it; another department's is as good as absent to an agent. */
async function editableReply(deps: Pick<Deps, 'db'>, caller: Caller, id: string) {
  const [row] = await deps.db.select().from(supportCannedReply).where(eq(supportCannedReply.id, id));
  if (!row) throw problems.notFound('canned reply');
  if (caller.role === 'admin') return row;
  const mine = await departmentsOfAgent(deps, caller.userId);
  if (!row.departmentId) throw problems.forbidden('Only administrators change replies for every department');
  if (!mine.includes(row.departmentId)) throw problems.notFound('canned reply');
  return row;
}

export async function updateCannedReply(deps: Pick<Deps, 'db' | 'clock'>, caller: Caller, id: string, input: CannedReplyInput) {
  await editableReply(deps, caller, id);
  await checkDepartment(deps, caller, input.departmentId);
  await deps.db
    .update(supportCannedReply)
    .set({ title: input.title.trim(), body: input.body, departmentId: input.departmentId, updatedById: caller.userId, updatedAt: deps.clock.now() })
    .where(eq(supportCannedReply.id, id));
  return replyView(deps, id);
}

export async function deleteCannedReply(deps: Pick<Deps, 'db'>, caller: Caller, id: string): Promise<void> {
  await editableReply(deps, caller, id);
  await deps.db.delete(supportCannedReply).where(eq(supportCannedReply.id, id));
}
