import { and, asc, eq } from 'drizzle-orm';
import type { Deps } from '../../platform/deps.ts';
import { problems } from '../../platform/errors.ts';
import { isUuid } from '../../platform/uuid.ts';
import { maySeeColleagueRequests } from '../orgs/support-visibility.ts';
import { isAgentOf } from './departments.ts';
import { licenseChoices, productName } from './own-licenses.ts';
import { supportDepartment, supportMessage, supportRequest } from './schema.ts';
import { staffDirectory } from './staff-directory.ts';

export const notFoundRequest = () => problems.notFound('support request');

/** Why a staff member reads a request when they give no reason of their own. */
export const DEFAULT_VIEW_REASON = 'handle support request';

const iso = (date: Date | null) => date?.toISOString() ?? null;

export type RequestRow = typeof supportRequest.$inferSelect;

/** The request by id; an id that is no uuid at all finds nothing rather than failing in the database. */
export async function requestRow(deps: Pick<Deps, 'db'>, requestId: string): Promise<RequestRow | null> {
  if (!isUuid(requestId)) return null;
  const [row] = await deps.db.select().from(supportRequest).where(eq(supportRequest.id, requestId));
  return row ?? null;
}

/** The request when this customer opened it; any other request is as good as absent. */
export async function ownRequest(deps: Pick<Deps, 'db'>, userId: string, requestId: string): Promise<RequestRow> {
  const row = await requestRow(deps, requestId);
  if (!row || row.userId !== userId) throw notFoundRequest();
  return row;
}

/** The request when this customer opened it, or a colleague whose requests the company lets them see (SUP-4). */
export async function visibleRequest(deps: Pick<Deps, 'db'>, userId: string, requestId: string): Promise<RequestRow> {
  const row = await requestRow(deps, requestId);
  if (!row || (row.userId !== userId && !(await maySeeColleagueRequests(deps, userId, row.userId)))) throw notFoundRequest();
  return row;
}

/** The request when this staff member is an agent of its department (SUP-6); else absent to them. */
export async function handledRequest(deps: Pick<Deps, 'db'>, staffId: string, requestId: string): Promise<RequestRow> {
  const row = await requestRow(deps, requestId);
  if (!row || !(await isAgentOf(deps, staffId, row.departmentId))) throw notFoundRequest();
  return row;
}

export function messageView(m: typeof supportMessage.$inferSelect) {
  return { id: m.id, authorKind: m.authorKind, body: m.body, createdAt: m.createdAt.toISOString() };
}

async function baseView(deps: Pick<Deps, 'db' | 'clock'>, row: RequestRow) {
  const [department] = await deps.db
    .select({ id: supportDepartment.id, code: supportDepartment.code, name: supportDepartment.name })
    .from(supportDepartment)
    .where(eq(supportDepartment.id, row.departmentId));
  const [license] = row.licenseId ? await licenseChoices(deps, row.userId, row.licenseId) : [];
  return {
    id: row.id,
    number: row.number,
    subject: row.subject,
    productId: row.productId,
    productName: productName(row.productId) ?? row.productId,
    license: license ? { id: license.id, label: license.label } : null,
    licenseNumber: row.licenseNumber,
    hardware: row.hardware,
    software: row.software,
    description: row.description,
    contactEmail: row.contactEmail,
    status: row.status,
    department,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    closedAt: iso(row.closedAt),
  };
}

/** What the customer sees: the conversation without internal notes. */
export async function customerView(deps: Pick<Deps, 'db' | 'clock'>, row: RequestRow) {
  const messages = await deps.db
    .select()
    .from(supportMessage)
    .where(and(eq(supportMessage.requestId, row.id), eq(supportMessage.internal, false)))
    .orderBy(asc(supportMessage.createdAt), asc(supportMessage.id));
  const { department, ...view } = await baseView(deps, row);
  return { ...view, department: { code: department.code, name: department.name }, messages: messages.map(messageView) };
}

/** Colleagues read a shared request but only its author answers, closes it or attaches files. */
export async function customerRequestView(deps: Pick<Deps, 'db' | 'clock'>, userId: string, requestId: string) {
  const row = await visibleRequest(deps, userId, requestId);
  return { ...(await customerView(deps, row)), mine: row.userId === userId };
}

/** What an agent sees: everything, internal notes marked. Not audited here; see `staffRequestView`. */
export async function staffView(deps: Pick<Deps, 'db' | 'clock'>, row: RequestRow) {
  const messages = await deps.db
    .select()
    .from(supportMessage)
    .where(eq(supportMessage.requestId, row.id))
    .orderBy(asc(supportMessage.createdAt), asc(supportMessage.id));
  const emails = row.assigneeId ? await staffDirectory(deps, [row.assigneeId]) : new Map<string, string>();
  const assigneeEmail = row.assigneeId ? emails.get(row.assigneeId) : undefined;
  return {
    ...(await baseView(deps, row)),
    userId: row.userId,
    country: row.country,
    language: row.language,
    assignee: row.assigneeId && assigneeEmail ? { id: row.assigneeId, email: assigneeEmail } : null,
    messages: messages.map((m) => ({ ...messageView(m), internal: m.internal })),
  };
}

/** An agent reads a request: the read is audited with whose data it was and why (SUP-6). */
export async function staffRequestView(deps: Pick<Deps, 'db' | 'clock' | 'audit'>, staffId: string, requestId: string, reason = DEFAULT_VIEW_REASON) {
  const row = await handledRequest(deps, staffId, requestId);
  await auditRequestRead(deps, staffId, row, reason);
  return staffView(deps, row);
}

export async function auditRequestRead(deps: Pick<Deps, 'audit'>, staffId: string, row: RequestRow, reason: string): Promise<void> {
  await deps.audit.record({ actorId: staffId, action: 'support.request.view', subjectUserId: row.userId, reason, details: { requestId: row.id } });
}
