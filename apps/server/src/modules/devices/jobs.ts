import { lt } from 'drizzle-orm';
import { DAY_MS } from '../../platform/clock.ts';
import type { Deps } from '../../platform/deps.ts';
import { type Jobs, scheduleRecurring } from '../../platform/jobs/boss.ts';
import { expireCommands } from './expire-commands.ts';
import { deviceEnrollment } from './schema.ts';
import { ensureTelemetryPartition } from './telemetry-partitions.ts';

export const DEVICE_UPKEEP_QUEUE = 'devices.daily-upkeep';

/**
 * Daily: this month's and next month's telemetry partitions exist before the first check-in
 * needs them, week-old unanswered commands are closed, and spent enrollment codes are removed.
 */
export async function deviceUpkeep(deps: Pick<Deps, 'db' | 'clock'>): Promise<{ commandsCancelled: number }> {
  const now = deps.clock.now();
  await ensureTelemetryPartition(deps, now);
  await ensureTelemetryPartition(deps, new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)));
  const commandsCancelled = await expireCommands(deps);
  await deps.db.delete(deviceEnrollment).where(lt(deviceEnrollment.expiresAt, new Date(now.getTime() - DAY_MS)));
  return { commandsCancelled };
}

export async function registerDeviceJobs(deps: Deps, jobs: Jobs): Promise<void> {
  await deviceUpkeep(deps);
  await scheduleRecurring(jobs, DEVICE_UPKEEP_QUEUE, '10 0 * * *', () => deviceUpkeep(deps));
}
