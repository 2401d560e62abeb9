import type { FastifyRequest } from 'fastify';
import { problems } from '../../platform/errors.ts';
import type { Auth } from './auth.ts';
import { STAFF_ROLES, type StaffRole } from './auth-options.ts';

export interface SignedIn {
  userId: string;
  email: string;
  role: string;
  sessionCreatedAt: Date;
  sessionToken: string;
}

function headersOf(request: FastifyRequest): Headers {
  const headers = new Headers();
  for (const [key, value] of Object.entries(request.headers)) if (typeof value === 'string') headers.set(key, value);
  return headers;
}

export async function requireUser(auth: Auth, request: FastifyRequest): Promise<SignedIn> {
  const result = await auth.api.getSession({ headers: headersOf(request) });
  if (!result || result.user.deletedAt) throw problems.unauthenticated();
  return {
    userId: result.user.id,
    email: result.user.email,
    role: result.user.role ?? 'user',
    sessionCreatedAt: new Date(result.session.createdAt),
    sessionToken: result.session.token,
  };
}

/** The caller on a page anyone may read, where a signed-in caller sees a little more (what is theirs). */
export async function optionalUser(auth: Auth, request: FastifyRequest): Promise<SignedIn | null> {
  if (!request.headers.cookie) return null;
  return requireUser(auth, request).catch(() => null);
}

export async function requireStaff(auth: Auth, request: FastifyRequest, roles: readonly StaffRole[] = STAFF_ROLES): Promise<SignedIn> {
  const user = await requireUser(auth, request);
  if (!(roles as readonly string[]).includes(user.role)) throw problems.forbidden('This needs a staff role');
  return user;
}

const signedInKey = Symbol('signedIn');
type WithSignedIn = FastifyRequest & { [signedInKey]?: SignedIn };

/**
 * An onRequest hook: the session is checked before the body is even parsed, so an anonymous
 * caller learns nothing about what a route would accept.
 */
export function guard(auth: Auth, roles?: readonly StaffRole[]) {
  return async (request: FastifyRequest) => {
    (request as WithSignedIn)[signedInKey] = roles ? await requireStaff(auth, request, roles) : await requireUser(auth, request);
  };
}

export function signedIn(request: FastifyRequest): SignedIn {
  const user = (request as WithSignedIn)[signedInKey];
  if (!user) throw problems.unauthenticated();
  return user;
}
