/** Errors from our API (RFC 9457 problem+json) and from Better Auth, in one shape for forms. */
export interface FieldError {
  field: string;
  message: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  code?: string;
  detail?: string;
  errors?: FieldError[];
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string | undefined;
  readonly fieldErrors: FieldError[];
  readonly problem: Problem;

  constructor(problem: Problem, fallbackStatus: number) {
    super(problem.detail || problem.title || `Request failed (${fallbackStatus})`);
    this.name = 'ApiError';
    this.problem = problem;
    this.status = problem.status ?? fallbackStatus;
    this.code = problem.code;
    this.fieldErrors = Array.isArray(problem.errors) ? problem.errors : [];
  }
}

/** Turns a field path such as "/password" or "body.password" into "password". */
export function fieldName(field: string): string {
  const parts = field.split(/[./]/).filter(Boolean);
  return parts[parts.length - 1] ?? field;
}

export interface FormProblem {
  /** Message shown above the form, when the error is not about one field. */
  message: string | null;
  /** Messages shown at their field, by field name. */
  fields: Record<string, string>;
  code?: string;
  status?: number;
}

/** Better Auth error codes that are about one field of our forms. */
const AUTH_CODE_FIELDS: Record<string, string> = {
  INVALID_EMAIL: 'email',
  PASSWORD_TOO_SHORT: 'password',
  PASSWORD_TOO_LONG: 'password',
  INVALID_PASSWORD: 'password',
  INVALID_CODE: 'code',
  INVALID_TWO_FACTOR_CODE: 'code',
  INVALID_BACKUP_CODE: 'code',
  INVALID_OTP: 'code',
  OTP_EXPIRED: 'code',
  TOO_MANY_ATTEMPTS: 'code',
  INVALID_PHONE_NUMBER: 'phoneNumber',
  PHONE_NUMBER_EXIST: 'phoneNumber',
};

/**
 * Better Auth codes arrive as INVALID_PASSWORD from the library, or as invalid-password once our
 * server has turned them into problem+json; both compare equal here.
 */
export function normCode(code: string | null | undefined): string {
  return (code ?? '').toUpperCase().replaceAll('-', '_');
}

export function hasCode(err: { code?: string | null } | null | undefined, ...codes: string[]): boolean {
  const c = normCode(err?.code);
  return c !== '' && codes.some((x) => normCode(x) === c);
}

interface AuthErrorLike {
  code?: string;
  message?: string;
  status?: number;
  statusText?: string;
  title?: string;
  detail?: string;
  errors?: FieldError[];
}

/**
 * Normalises an error from our API (ApiError) or a Better Auth client `error` object.
 * `fieldMap` renames server field names to the names used by the form (e.g. password → newPassword).
 */
export function toFormProblem(err: unknown, fieldMap: Record<string, string> = {}): FormProblem {
  const rename = (f: string) => fieldMap[f] ?? f;
  if (err instanceof ApiError) {
    const fields: Record<string, string> = {};
    for (const fe of err.fieldErrors) {
      const name = rename(fieldName(fe.field));
      if (!fields[name]) fields[name] = fe.message;
    }
    const hasFields = Object.keys(fields).length > 0;
    return {
      message: hasFields ? null : err.message,
      fields,
      code: err.code,
      status: err.status,
    };
  }
  if (err && typeof err === 'object') {
    const e = err as AuthErrorLike;
    const fields: Record<string, string> = {};
    if (Array.isArray(e.errors)) {
      for (const fe of e.errors) fields[rename(fieldName(fe.field))] = fe.message;
    }
    const message = e.message || e.title || e.detail || e.statusText || 'Something went wrong. Please try again.';
    const mapped = e.code ? AUTH_CODE_FIELDS[normCode(e.code)] : undefined;
    if (mapped && Object.keys(fields).length === 0) fields[rename(mapped)] = message;
    if (e.status === 429 && Object.keys(fields).length === 0) {
      return { message: 'Too many attempts. Please wait a moment and try again.', fields, code: e.code, status: e.status };
    }
    return {
      message: Object.keys(fields).length > 0 ? null : message,
      fields,
      code: e.code,
      status: e.status,
    };
  }
  if (err instanceof Error) return { message: err.message, fields: {} };
  return { message: 'Something went wrong. Please try again.', fields: {} };
}
