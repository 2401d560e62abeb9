import type { Deps } from '../../platform/deps.ts';
import { requestRow } from './request-view.ts';

/** Who opened a request, where it is routed and its number, for other modules (diagnostics). */
export async function requestFacts(deps: Pick<Deps, 'db'>, requestId: string): Promise<{ userId: string; departmentId: string; number: number } | null> {
  const row = await requestRow(deps, requestId);
  return row ? { userId: row.userId, departmentId: row.departmentId, number: row.number } : null;
}
