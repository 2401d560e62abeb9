import { and, eq, isNull } from 'drizzle-orm';
import type { Deps } from '../../platform/deps.ts';
import { problems } from '../../platform/errors.ts';
import { sha256Hex } from '../../platform/sha256-hex.ts';
import { supportRequest, supportSurvey } from './schema.ts';

// 32 random bytes in base64url, as mailed; anything else cannot name a survey.
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export interface SurveyAnswer {
  rating: number;
  comment?: string;
}

async function surveyOf(deps: Pick<Deps, 'db'>, token: string) {
  if (!TOKEN.test(token)) throw problems.notFound('survey');
  const [row] = await deps.db
    .select({ id: supportSurvey.id, kind: supportSurvey.kind, answeredAt: supportSurvey.answeredAt, requestNumber: supportRequest.number })
    .from(supportSurvey)
    .leftJoin(supportRequest, eq(supportRequest.id, supportSurvey.requestId))
    .where(eq(supportSurvey.tokenHash, sha256Hex(token)));
  if (!row) throw problems.notFound('survey');
  return row;
}

/** What the survey page shows before the answer: which request it is about, and whether it was answered. */
export async function surveyView(deps: Pick<Deps, 'db'>, token: string) {
  const row = await surveyOf(deps, token);
  return { kind: row.kind, requestNumber: row.requestNumber ?? null, answered: row.answeredAt !== null };
}

/** Stores the rating and comment with the survey, so with the email and the request it rates (SUP-5); a survey is answered once. */
export async function answerSurvey(deps: Pick<Deps, 'db' | 'clock'>, token: string, answer: SurveyAnswer) {
  const survey = await surveyOf(deps, token);
  const comment = answer.comment?.trim() || null;
  const updated = await deps.db
    .update(supportSurvey)
    .set({ rating: answer.rating, comment, answeredAt: deps.clock.now() })
    .where(and(eq(supportSurvey.id, survey.id), isNull(supportSurvey.answeredAt)))
    .returning({ id: supportSurvey.id });
  if (updated.length === 0) throw problems.conflict('survey-answered', 'This survey was already answered');
  return { answered: true as const };
}
