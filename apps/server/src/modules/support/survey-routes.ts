import { Type } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import type { Auth } from '../accounts/auth.ts';
import { guard } from '../accounts/current-session.ts';
import { answerSurvey, type SurveyAnswer, surveyView } from './answer-survey.ts';
import { SURVEY_KINDS } from './schema.ts';
import { surveySummary } from './survey-summary.ts';

const tags = ['support'];

// Loose on purpose: a malformed token is simply no survey (404), and the body is checked on its own.
const TokenParams = Type.Object({ token: Type.String({ minLength: 1, maxLength: 128 }) });
const Answer = Type.Object(
  { rating: Type.Integer({ minimum: 1, maximum: 5 }), comment: Type.Optional(Type.String({ maxLength: 2000 })) },
  { additionalProperties: false },
);
const SurveyOut = Type.Object({
  kind: Type.Union(SURVEY_KINDS.map((k) => Type.Literal(k))),
  requestNumber: Type.Union([Type.Integer(), Type.Null()]),
  answered: Type.Boolean(),
});
const Average = Type.Union([Type.Number(), Type.Null()]);
const SummaryOut = Type.Object({
  total: Type.Integer(),
  answered: Type.Integer(),
  average: Average,
  distribution: Type.Array(Type.Integer(), { minItems: 5, maxItems: 5 }),
  byMonth: Type.Array(Type.Object({ month: Type.String(), answered: Type.Integer(), average: Average })),
});

// The link is the only credential, so guessing is slowed per address.
const SURVEY_LINKS = { rateLimit: { max: 20, timeWindow: '1 minute' } };

/** The staff view of satisfaction: numbers only, no one's answer. */
async function surveyStaffRoutes(app: FastifyInstance, opts: { auth: Auth; deps: Deps }) {
  const { auth, deps } = opts;
  app.addHook('onRequest', guard(auth, ['support', 'admin']));
  app.get(
    '/api/staff/support/surveys/summary',
    { schema: { tags, summary: 'Satisfaction survey results: distribution and month by month (SUP-5)', response: { 200: SummaryOut } } },
    async () => surveySummary(deps),
  );
}

/** Satisfaction surveys, opened by the token of the mailed link (SUP-5). */
export async function surveyRoutes(app: FastifyInstance, opts: { auth: Auth; deps: Deps }) {
  const { deps } = opts;

  app.get<{ Params: { token: string } }>(
    '/api/support/surveys/:token',
    { config: SURVEY_LINKS, schema: { tags, summary: 'The survey behind a mailed link', params: TokenParams, response: { 200: SurveyOut } } },
    async (request) => surveyView(deps, request.params.token),
  );

  app.post<{ Params: { token: string }; Body: SurveyAnswer }>(
    '/api/support/surveys/:token',
    {
      config: SURVEY_LINKS,
      schema: {
        tags,
        summary: 'Answer the survey once: a rating of 1 to 5 and an optional comment (SUP-5)',
        params: TokenParams,
        body: Answer,
        response: { 200: Type.Object({ answered: Type.Literal(true) }) },
      },
    },
    async (request) => answerSurvey(deps, request.params.token, request.body),
  );

  await app.register(surveyStaffRoutes, opts);
}
