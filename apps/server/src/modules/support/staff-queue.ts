import { and, asc, eq, inArray, isNull, ne, type SQL } from 'drizzle-orm';
import type { Deps } from '../../platform/deps.ts';
import { departmentsOfAgent } from './departments.ts';
import { DEFAULT_VIEW_REASON } from './request-view.ts';
import { type SupportRequestStatus, supportDepartment, supportRequest } from './schema.ts';
import { staffDirectory } from './staff-directory.ts';

export interface QueueFilter {
  status?: SupportRequestStatus;
  assigned?: 'me' | 'none' | 'any';
  limit?: number;
  reason?: string;
}

function filters(staffId: string, departments: string[], filter: QueueFilter): SQL[] {
  const where: SQL[] = [inArray(supportRequest.departmentId, departments)];
  where.push(filter.status ? eq(supportRequest.status, filter.status) : ne(supportRequest.status, 'closed'));
  if (filter.assigned === 'me') where.push(eq(supportRequest.assigneeId, staffId));
  if (filter.assigned === 'none') where.push(isNull(supportRequest.assigneeId));
  return where;
}

/**
 * The requests of the agent's departments, longest waiting first (SUP-6). Closed ones show only
 * when asked for. The subjects are the customers' words, so the listing is audited once per
 * customer shown, naming the requests.
 */
export async function staffQueue(deps: Pick<Deps, 'db' | 'audit'>, staffId: string, filter: QueueFilter) {
  const departments = await departmentsOfAgent(deps, staffId);
  if (departments.length === 0) return [];
  const rows = await deps.db
    .select({ request: supportRequest, department: { id: supportDepartment.id, code: supportDepartment.code, name: supportDepartment.name } })
    .from(supportRequest)
    .innerJoin(supportDepartment, eq(supportDepartment.id, supportRequest.departmentId))
    .where(and(...filters(staffId, departments, filter)))
    .orderBy(asc(supportRequest.updatedAt), asc(supportRequest.number))
    .limit(filter.limit ?? 100);
  const byCustomer = new Map<string, string[]>();
  for (const { request } of rows) byCustomer.set(request.userId, [...(byCustomer.get(request.userId) ?? []), request.id]);
  for (const [subjectUserId, requestIds] of byCustomer)
    await deps.audit.record({
      actorId: staffId,
      action: 'support.queue.view',
      subjectUserId,
      reason: filter.reason ?? DEFAULT_VIEW_REASON,
      details: { requestIds },
    });
  const emails = await staffDirectory(
    deps,
    rows.flatMap(({ request }) => (request.assigneeId ? [request.assigneeId] : [])),
  );
  return rows.map(({ request: r, department }) => ({
    id: r.id,
    number: r.number,
    subject: r.subject,
    status: r.status,
    department,
    assignee: r.assigneeId && emails.has(r.assigneeId) ? { id: r.assigneeId, email: emails.get(r.assigneeId) as string } : null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  }));
}
