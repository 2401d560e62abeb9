import { randomBytes } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import { currentConsents, latestChoices } from './current-consents.ts';
import { currentNoticeVersion } from './publish-policy.ts';
import { recordConsent } from './record-consent.ts';
import { consentLedger } from './schema.ts';
import { CONSENT_COOKIE, COOKIE_CATEGORIES, type CookieCategory } from './services.ts';

/** The categories a visitor chooses; the strictly necessary ones need no choice. */
export const OPTIONAL_CATEGORIES = COOKIE_CATEGORIES.filter((category) => !category.strictlyNecessary).map((category) => category.id);
export type CookieChoice = Record<string, boolean>;

export const MAX_PROOF_ROWS = 1000;
const VISITOR_ID = /^[A-Za-z0-9_-]{22}$/;

export const cookiePurpose = (category: string) => `cookie:${category}`;
const PURPOSES = OPTIONAL_CATEGORIES.map(cookiePurpose);

export function newVisitorId(): string {
  return randomBytes(16).toString('base64url');
}

/** The random id in the consent cookie, if the browser sent a well-formed one. */
export function visitorIdOf(request: FastifyRequest): string | undefined {
  const value = request.cookies[CONSENT_COOKIE];
  return value && VISITOR_ID.test(value) ? value : undefined;
}

function toChoice(state: Record<string, boolean>): CookieChoice {
  return Object.fromEntries(OPTIONAL_CATEGORIES.map((category) => [category, state[cookiePurpose(category)] ?? false]));
}

/** What this browser chose; every category is off until a choice is made (COOK-1). */
export async function cookieConsentState(deps: Pick<Deps, 'db'>, visitorId: string | undefined) {
  if (!visitorId) return { chosen: false, categories: toChoice({}) };
  const rows = await latestChoices(deps, { visitorId }, PURPOSES);
  return { chosen: rows.length > 0, categories: toChoice(Object.fromEntries(rows.map((row) => [row.purpose, row.granted]))) };
}

/**
 * Every choice writes a row for each category, refusals included: the ledger then proves the
 * whole choice the banner showed, and a withdrawal is a choice like any other (COOK-3).
 */
export async function recordCookieConsent(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  subject: { visitorId: string; userId?: string },
  categories: CookieChoice,
) {
  const choices = OPTIONAL_CATEGORIES.map((category) => ({ purpose: cookiePurpose(category), granted: categories[category] === true }));
  await recordConsent(deps, subject, choices, {}, { noticeVersion: await currentNoticeVersion(deps), source: 'cookie-banner' });
  return cookieConsentState(deps, subject.visitorId);
}

/** The browser's ledger rows, oldest first: its proof of what it chose and when. */
export async function cookieConsentProof(deps: Pick<Deps, 'db'>, visitorId: string | undefined) {
  if (!visitorId) return [];
  const rows = await deps.db.select().from(consentLedger).where(eq(consentLedger.visitorId, visitorId)).orderBy(asc(consentLedger.id)).limit(MAX_PROOF_ROWS);
  return rows.map((row) => ({
    purpose: row.purpose,
    granted: row.granted,
    noticeVersion: row.noticeVersion,
    source: row.source,
    signedIn: row.userId !== null,
    recordedAt: row.createdAt.toISOString(),
  }));
}

const isNecessary = (category: CookieCategory) => COOKIE_CATEGORIES.some((c) => c.id === category && c.strictlyNecessary);

/** The gate for anything that sets or reads a non-essential cookie or script (COOK-1, STAT-2). */
export async function hasConsent(deps: Pick<Deps, 'db'>, request: FastifyRequest, category: CookieCategory): Promise<boolean> {
  if (isNecessary(category)) return true;
  const state = await cookieConsentState(deps, visitorIdOf(request));
  return state.categories[category] === true;
}

/** The same gate for a person reached outside the browser, such as an email recipient (COOK-4). */
export async function userHasConsent(deps: Pick<Deps, 'db'>, userId: string, category: CookieCategory): Promise<boolean> {
  if (isNecessary(category)) return true;
  const state = await currentConsents(deps, { userId }, [cookiePurpose(category)]);
  return state[cookiePurpose(category)] === true;
}
