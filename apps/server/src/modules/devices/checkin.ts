import type { CheckinReport } from '@steward/client';
import type { Deps } from '../../platform/deps.ts';
import { deviceErrors } from './device-errors.ts';
import { parseDeviceToken } from './device-token.ts';
import { groupCommit } from './group-commit.ts';
import { type CheckinEntry, type CheckinOutcome, type DeliveredCommand, recordCheckins } from './record-checkins.ts';
import { telemetryMonths } from './telemetry-months.ts';

export interface CheckinBatching {
  /** How long a check-in waits for others when the database is free. */
  maxWaitMs: number;
  maxEntries: number;
  /** Batches being written at once. */
  maxInFlight: number;
}

export const DEFAULT_CHECKIN_BATCHING: CheckinBatching = { maxWaitMs: 0, maxEntries: 500, maxInFlight: 2 };

export interface Checkins {
  /** Stores the report once its batch is committed; answers with the commands waiting for the device. */
  checkin(token: string | null, report: CheckinReport): Promise<DeliveredCommand[]>;
  close(): Promise<void>;
}

/**
 * The check-in path: check-ins join a group commit, so a batch of them costs one statement and
 * one commit, and each answer still waits for the commit of its own batch.
 */
export function checkins(deps: Pick<Deps, 'db' | 'pool' | 'clock' | 'log'>, batching: CheckinBatching = DEFAULT_CHECKIN_BATCHING): Checkins {
  const months = telemetryMonths(deps);
  const batches = groupCommit<CheckinEntry, CheckinOutcome>({
    maxWaitMs: batching.maxWaitMs,
    maxItems: batching.maxEntries,
    maxInFlight: batching.maxInFlight,
    flush: (entries) => recordCheckins(deps, months, entries),
  });
  return {
    async checkin(token, report) {
      const parsed = token ? parseDeviceToken(token) : null;
      if (!parsed) throw deviceErrors.deviceUnauthenticated();
      let outcome: CheckinOutcome;
      try {
        outcome = await batches.submit({ deviceId: parsed.deviceId, secret: parsed.secret, at: deps.clock.now(), report });
      } catch (error) {
        // Only the database's error code: the failed statement's parameters hold what devices reported.
        const cause = (error as { code?: string; cause?: { code?: string } }) ?? {};
        deps.log.error({ code: cause.code ?? cause.cause?.code ?? 'unknown' }, 'check-in batch failed');
        throw deviceErrors.checkinUnavailable();
      }
      if (!outcome.accepted) throw deviceErrors.deviceUnauthenticated();
      return outcome.commands;
    },
    close: () => batches.close(),
  };
}
