import { and, eq, gt, notExists, sql } from 'drizzle-orm';
import type { Deps } from '../../platform/deps.ts';
import { currentConsents } from '../privacy/current-consents.ts';
import { supportRequest, supportSurvey } from './schema.ts';
import { accountEmail, maySurvey, SURVEY_PURPOSE, sendSurvey } from './send-survey.ts';

const BATCH = 500;

/** Customers who ever asked support and have no yearly survey for `year` yet; a page after `after`. */
async function customersWithoutSurvey(deps: Pick<Deps, 'db'>, year: number, after: string | undefined) {
  const rows = await deps.db
    .selectDistinct({ userId: supportRequest.userId })
    .from(supportRequest)
    .where(
      and(
        after ? gt(supportRequest.userId, after) : undefined,
        notExists(
          deps.db
            .select({ one: sql`1` })
            .from(supportSurvey)
            .where(and(eq(supportSurvey.userId, supportRequest.userId), eq(supportSurvey.kind, 'yearly'), eq(supportSurvey.year, year))),
        ),
      ),
    )
    .orderBy(supportRequest.userId)
    .limit(BATCH);
  return rows.map((row) => row.userId);
}

/** The account address of someone who opted in to surveys (ACC-3) and may be asked; null otherwise. */
async function recipientOf(deps: Pick<Deps, 'db'>, userId: string): Promise<string | null> {
  const consents = await currentConsents(deps, { userId }, [SURVEY_PURPOSE]);
  if (!consents[SURVEY_PURPOSE] || !(await maySurvey(deps, userId))) return null;
  return accountEmail(deps, userId);
}

/** The daily run: at most one yearly survey per customer and calendar year (SUP-5). Answers how many went out. */
export async function sendYearlySurveys(deps: Pick<Deps, 'db' | 'clock' | 'config' | 'mailer'>): Promise<number> {
  const year = deps.clock.now().getUTCFullYear();
  let sent = 0;
  let page = await customersWithoutSurvey(deps, year, undefined);
  while (page.length > 0) {
    for (const userId of page) {
      const email = await recipientOf(deps, userId);
      if (!email) continue;
      const mail = {
        subject: `How was Steward support in ${year}?`,
        intro: `You asked our support for help. Looking back on ${year}, how satisfied are you with it?`,
      };
      if (await sendSurvey(deps, { kind: 'yearly', userId, email, requestId: null, year }, mail)) sent++;
    }
    page = page.length < BATCH ? [] : await customersWithoutSurvey(deps, year, page[page.length - 1]);
  }
  return sent;
}
