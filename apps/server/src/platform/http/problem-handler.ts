import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { type FieldProblem, Problem, problems } from '../errors.ts';

interface AjvError {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

/** Turns an Ajv error into the field a person would name: `/profile/name` → `profile.name`. */
export function fieldOf(error: AjvError, context: string | undefined): FieldProblem {
  const path = error.instancePath.replace(/^\//, '').replaceAll('/', '.');
  const join = (name: string) => (path ? `${path}.${name}` : name);
  const prefix = context && context !== 'body' ? `${context}.` : '';
  if (error.keyword === 'required') return { field: prefix + join(String(error.params.missingProperty)), message: 'is required' };
  if (error.keyword === 'additionalProperties') return { field: prefix + join(String(error.params.additionalProperty)), message: 'is not a known field' };
  return { field: prefix + (path || context || 'body'), message: error.message ?? 'is not valid' };
}

export function sendProblem(reply: FastifyReply, request: FastifyRequest, problem: Problem): FastifyReply {
  if (problem.headers) reply.headers(problem.headers);
  return reply
    .code(problem.status)
    .type('application/problem+json')
    .send(problem.toJSON(request.url.split('?')[0]));
}

function toProblem(error: FastifyError & { validation?: AjvError[]; validationContext?: string }): Problem {
  if (error instanceof Problem) return error;
  if (error.validation) {
    // A union reports once per branch; the first message for a field is the telling one.
    const byField = new Map<string, FieldProblem>();
    for (const e of error.validation) {
      const problem = fieldOf(e, error.validationContext);
      if (!byField.has(problem.field)) byField.set(problem.field, problem);
    }
    return problems.validation([...byField.values()]);
  }
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return new Problem(415, 'unsupported-media-type', 'Send JSON (application/json)');
  if (error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return problems.invalidField('body', 'is empty');
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return problems.tooLarge('The body is larger than this endpoint accepts');
  if (error.statusCode === 429) return problems.rateLimited(60);
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return new Problem(error.statusCode, 'bad-request', error.message.includes('JSON') ? 'The body is not valid JSON' : 'The request is not valid');
  }
  return new Problem(500, 'internal', 'Something went wrong on our side');
}

/** Every error leaves as problem+json; only real faults are logged, and never with the body. */
export const problemHandler = fp(async (app: FastifyInstance) => {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const problem = toProblem(error);
    if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
    return sendProblem(reply, request, problem);
  });
});
