import { DAY_MS } from '../../platform/clock.ts';
import type { RetentionRule } from '../privacy/retention/rule.ts';
import { dropTelemetryPartitions, monthStart, telemetryStatus } from './telemetry-partitions.ts';

/** Check-ins are kept three months; a month's partition goes whole once all of it is older. */
export const TELEMETRY_KEPT_MS = 92 * DAY_MS;

const cutoff = (deps: { clock: { now(): Date } }) => monthStart(new Date(deps.clock.now().getTime() - TELEMETRY_KEPT_MS));

export const deviceRetentionRules: RetentionRule[] = [
  {
    id: 'telemetry-3-months',
    description:
      'Each device check-in is kept about three months: check-ins are stored by calendar month, and a month is deleted whole once all of it is more than three months old.',
    status: (deps) => telemetryStatus(deps, cutoff(deps)),
    sweep: { cron: '40 2 * * *', run: (deps) => dropTelemetryPartitions(deps, cutoff(deps)) },
  },
];
