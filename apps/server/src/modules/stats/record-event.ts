import type { Deps } from '../../platform/deps.ts';
import { pseudonymFor } from './pseudonym.ts';
import { statsEvent } from './schema.ts';

export type EventKind = 'page-view' | 'api-use';

export interface EventInput {
  kind: EventKind;
  path: string;
  referrer?: string;
}

export interface Visit {
  ip: string;
  userAgent: string;
  /** Whether the visitor granted cookie consent for analytics. */
  analyticsConsent: boolean;
}

const MINUTE_MS = 60_000;

/** The path alone: query string and fragment can carry tokens or search terms, so they go. */
export function pathOnly(path: string): string {
  return path.split(/[?#]/, 1)[0] || '/';
}

/** The referring site's host name, or nothing when the referrer is no URL or bare host name. */
export function referrerHost(referrer: string | undefined): string | null {
  if (!referrer) return null;
  try {
    return new URL(referrer).hostname || null;
  } catch {
    return /^[a-z0-9.-]+\.[a-z]{2,}$/i.test(referrer) ? referrer.toLowerCase() : null;
  }
}

/**
 * Stores one event under the day's pseudonym (STAT-1), only with analytics consent; returns
 * whether it stored. No account id is read or written, and the address is hashed, not kept.
 */
export async function recordEvent(deps: Pick<Deps, 'db' | 'clock' | 'config'>, input: EventInput, visit: Visit): Promise<boolean> {
  if (!visit.analyticsConsent) return false;
  const now = deps.clock.now();
  await deps.db.insert(statsEvent).values({
    kind: input.kind,
    path: pathOnly(input.path),
    referrerHost: referrerHost(input.referrer),
    pseudonym: pseudonymFor(deps.config.masterKey, now, visit.ip, visit.userAgent),
    occurredAt: new Date(Math.floor(now.getTime() / MINUTE_MS) * MINUTE_MS),
  });
  return true;
}
