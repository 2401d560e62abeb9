import { sql } from 'drizzle-orm';
import type { Deps } from '../../platform/deps.ts';

/** Commands a device never answered are closed after a week, so the owner can send them again. */
export const COMMAND_EXPIRES_MS = 7 * 24 * 60 * 60 * 1000;

export async function expireCommands(deps: Pick<Deps, 'db' | 'clock'>): Promise<number> {
  const before = new Date(deps.clock.now().getTime() - COMMAND_EXPIRES_MS);
  const result = await deps.db.execute(
    sql`update device_command set status = 'cancelled' where status in ('pending', 'delivered') and requested_at < ${before.toISOString()}::timestamptz`,
  );
  return result.rowCount ?? 0;
}
