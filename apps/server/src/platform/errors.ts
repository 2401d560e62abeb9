/**
 * Problem details (RFC 9457). `code` is stable: clients and tests match on it, and the
 * `type` URI is derived from it.
 */
export interface FieldProblem {
  field: string;
  message: string;
}

export class Problem extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string | undefined;
  readonly errors: FieldProblem[] | undefined;
  readonly headers: Record<string, string> | undefined;

  constructor(status: number, code: string, title: string, options: { detail?: string; errors?: FieldProblem[]; headers?: Record<string, string> } = {}) {
    super(title);
    this.status = status;
    this.code = code;
    this.detail = options.detail;
    this.errors = options.errors;
    this.headers = options.headers;
  }

  toJSON(instance?: string): Record<string, unknown> {
    return {
      type: `/problems/${this.code}`,
      title: this.message,
      status: this.status,
      code: this.code,
      ...(this.detail ? { detail: this.detail } : {}),
      ...(instance ? { instance } : {}),
      ...(this.errors ? { errors: this.errors } : {}),
    };
  }
}

export const problems = {
  validation: (errors: FieldProblem[]) =>
    new Problem(400, 'validation-failed', 'The request is not valid', { errors, detail: errors.map((e) => `${e.field}: ${e.message}`).join('; ') }),
  invalidField: (field: string, message: string) => problems.validation([{ field, message }]),
  unauthenticated: () => new Problem(401, 'unauthenticated', 'Sign in first'),
  freshSignInRequired: () => new Problem(403, 'fresh-sign-in-required', 'Sign in again to confirm it is you'),
  forbidden: (detail?: string) => new Problem(403, 'forbidden', 'You may not do this', { detail }),
  notFound: (what = 'resource') => new Problem(404, 'not-found', `No such ${what}`),
  conflict: (code: string, title: string) => new Problem(409, code, title),
  tooLarge: (detail: string) => new Problem(413, 'payload-too-large', 'The request is too large', { detail }),
  rateLimited: (retryAfterSeconds: number) =>
    new Problem(429, 'rate-limited', 'Too many requests; try again later', { headers: { 'retry-after': String(retryAfterSeconds) } }),
};
