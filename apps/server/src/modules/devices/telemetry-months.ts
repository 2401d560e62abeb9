import type { Deps } from '../../platform/deps.ts';
import { ensureTelemetryPartition, monthStart } from './telemetry-partitions.ts';

export interface TelemetryMonths {
  /** Makes sure each month of `dates` has its partition; asks the database only about months not seen yet. */
  ensure(dates: Date[]): Promise<void>;
  /** After an insert found no partition (a retention sweep dropped it): ask the database again next time. */
  forget(): void;
}

export function telemetryMonths(deps: Pick<Deps, 'db'>): TelemetryMonths {
  const known = new Set<number>();
  return {
    async ensure(dates) {
      for (const month of new Set(dates.map((d) => monthStart(d).getTime()))) {
        if (known.has(month)) continue;
        await ensureTelemetryPartition(deps, new Date(month));
        known.add(month);
      }
    },
    forget() {
      known.clear();
    },
  };
}

/** The error PostgreSQL raises when a row's month has no partition. */
export function isMissingPartition(error: unknown): boolean {
  const e = error as { code?: string; message?: string } | null;
  return e?.code === '23514' && /no partition/i.test(e.message ?? '');
}
