import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Deps } from '../../platform/deps.ts';
import { Problem } from '../../platform/errors.ts';
import { sha256Hex } from '../../platform/sha256-hex.ts';
import { getProfile } from '../accounts/profile.ts';
import { hasObjected } from '../privacy/rights/objections.ts';
import { isRestricted } from '../privacy/rights/restriction.ts';
import { type SurveyKind, supportSurvey } from './schema.ts';

/** The consent purpose, and objection, that surveys fall under (ACC-3, RIGHT-1). */
export const SURVEY_PURPOSE = 'surveys';

/** Neither a restricted account (RIGHT-6) nor one that objected to surveys is asked. */
export async function maySurvey(deps: Pick<Deps, 'db'>, userId: string): Promise<boolean> {
  return !(await isRestricted(deps, userId)) && !(await hasObjected(deps, userId, SURVEY_PURPOSE));
}

/** The account's address, or null once the account is deleted: nobody is surveyed after leaving. */
export async function accountEmail(deps: Pick<Deps, 'db'>, userId: string): Promise<string | null> {
  try {
    return (await getProfile(deps, userId)).email;
  } catch (error) {
    if (error instanceof Problem && error.status === 404) return null;
    throw error;
  }
}

export interface NewSurvey {
  kind: SurveyKind;
  userId: string;
  email: string;
  requestId: string | null;
  year: number | null;
}

/**
 * Records the survey before mailing its link, so a rerun or a second node never sends it twice
 * (the unique indexes decide); a mail that fails frees the place for the next run.
 */
export async function sendSurvey(
  deps: Pick<Deps, 'db' | 'clock' | 'config' | 'mailer'>,
  survey: NewSurvey,
  mail: { subject: string; intro: string },
): Promise<boolean> {
  const token = randomBytes(32).toString('base64url');
  const [row] = await deps.db
    .insert(supportSurvey)
    .values({ ...survey, tokenHash: sha256Hex(token), sentAt: deps.clock.now() })
    .onConflictDoNothing()
    .returning({ id: supportSurvey.id });
  if (!row) return false;
  const text = [
    mail.intro,
    '',
    'It takes a minute: rate us from 1 to 5 and, if you like, tell us what to improve.',
    `${deps.config.baseUrl}/survey/${token}`,
    '',
    'Your rating and comment are kept with your support history. To get no more surveys, object to them in your account’s privacy settings.',
  ].join('\n');
  try {
    await deps.mailer.send({ to: survey.email, subject: mail.subject, text, userId: survey.userId, kind: 'marketing', purpose: SURVEY_PURPOSE });
  } catch (error) {
    await deps.db.delete(supportSurvey).where(eq(supportSurvey.id, row.id));
    throw error;
  }
  return true;
}
