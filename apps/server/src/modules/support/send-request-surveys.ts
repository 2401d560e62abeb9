import { and, eq, gt, isNotNull, notExists, sql } from 'drizzle-orm';
import { DAY_MS } from '../../platform/clock.ts';
import type { Deps } from '../../platform/deps.ts';
import { supportRequest, supportSurvey } from './schema.ts';
import { accountEmail, maySurvey, sendSurvey } from './send-survey.ts';

/** A request closed longer ago than this is no longer asked about; it also bounds each run's work. */
export const REQUEST_SURVEY_WINDOW_DAYS = 14;
const BATCH = 200;

async function closedWithoutSurvey(deps: Pick<Deps, 'db'>, since: Date, after: string | undefined) {
  return deps.db
    .select({ id: supportRequest.id, number: supportRequest.number, userId: supportRequest.userId, contactEmail: supportRequest.contactEmail })
    .from(supportRequest)
    .where(
      and(
        eq(supportRequest.status, 'closed'),
        isNotNull(supportRequest.closedAt),
        gt(supportRequest.closedAt, since),
        after ? gt(supportRequest.id, after) : undefined,
        notExists(
          deps.db
            .select({ one: sql`1` })
            .from(supportSurvey)
            .where(and(eq(supportSurvey.requestId, supportRequest.id), eq(supportSurvey.kind, 'request'))),
        ),
      ),
    )
    .orderBy(supportRequest.id)
    .limit(BATCH);
}

/** The recurring run: one survey per closed request, to its contact address (SUP-5). Answers how many went out. */
export async function sendRequestSurveys(deps: Pick<Deps, 'db' | 'clock' | 'config' | 'mailer'>): Promise<number> {
  const since = new Date(deps.clock.now().getTime() - REQUEST_SURVEY_WINDOW_DAYS * DAY_MS);
  let sent = 0;
  let page = await closedWithoutSurvey(deps, since, undefined);
  while (page.length > 0) {
    for (const request of page) {
      if (!(await maySurvey(deps, request.userId)) || (await accountEmail(deps, request.userId)) === null) continue;
      const survey = { kind: 'request' as const, userId: request.userId, email: request.contactEmail, requestId: request.id, year: null };
      const mail = {
        subject: `How did we do on request #${request.number}?`,
        intro: `Your support request #${request.number} is closed. How satisfied are you with our help?`,
      };
      if (await sendSurvey(deps, survey, mail)) sent++;
    }
    page = page.length < BATCH ? [] : await closedWithoutSurvey(deps, since, page[page.length - 1].id);
  }
  return sent;
}
