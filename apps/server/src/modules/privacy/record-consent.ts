import type { Deps } from '../../platform/deps.ts';
import { consentLedger } from './schema.ts';

export interface ConsentChoice {
  purpose: string;
  granted: boolean;
}

/** Appends one ledger row per choice that differs from the current state; the ledger is never updated. */
export async function recordConsent(
  deps: Pick<Deps, 'db' | 'clock'>,
  subject: { userId?: string; visitorId?: string },
  choices: ConsentChoice[],
  current: Record<string, boolean>,
  meta: { noticeVersion: string; source: string },
): Promise<void> {
  const changed = choices.filter((choice) => current[choice.purpose] !== choice.granted);
  if (changed.length === 0) return;
  const createdAt = deps.clock.now();
  await deps.db.insert(consentLedger).values(
    changed.map((choice) => ({
      userId: subject.userId ?? null,
      visitorId: subject.visitorId ?? null,
      purpose: choice.purpose,
      granted: choice.granted,
      noticeVersion: meta.noticeVersion,
      source: meta.source,
      createdAt,
    })),
  );
}
