import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Auth } from './auth.ts';
import { CLIENT_IP_HEADER } from './auth.ts';

function toWebHeaders(request: FastifyRequest): Headers {
  const headers = new Headers();
  for (const [key, value] of Object.entries(request.headers)) {
    if (value === undefined || key === CLIENT_IP_HEADER) continue;
    if (Array.isArray(value)) for (const v of value) headers.append(key, v);
    else headers.set(key, value);
  }
  headers.set(CLIENT_IP_HEADER, request.ip);
  return headers;
}

/** Better Auth's validation messages start with the field: "[body.email] Invalid email". */
function fieldErrors(message: string): { field: string; message: string }[] | undefined {
  const errors = [...message.matchAll(/\[body\.([\w.]+)\] ([^;[]+)/g)].map((m) => ({ field: m[1], message: m[2].trim() }));
  return errors.length ? errors : undefined;
}

/** Better Auth answers errors as {code, message}; the rest of the API speaks problem+json. */
function asProblem(response: Response, text: string, instance: string): string {
  try {
    const body = JSON.parse(text) as { code?: string; message?: string };
    const code = (body.code ?? 'auth-error').toLowerCase().replaceAll('_', '-');
    const errors = body.message ? fieldErrors(body.message) : undefined;
    return JSON.stringify({
      type: `/problems/${code}`,
      title: errors ? 'The request is not valid' : (body.message ?? response.statusText),
      status: response.status,
      code,
      instance,
      ...(errors ? { detail: body.message, errors } : {}),
    });
  } catch {
    return text;
  }
}

/** ACC-1: an email address and a password are all sign-up asks; Better Auth wants a name, so it gets an empty one. */
function bodyFor(request: FastifyRequest, path: string): string | undefined {
  if (request.method === 'GET' || request.method === 'HEAD' || request.body === undefined) return undefined;
  const body = request.body as Record<string, unknown>;
  if (path === '/api/auth/sign-up/email' && body && typeof body === 'object' && body.name === undefined) return JSON.stringify({ ...body, name: '' });
  return JSON.stringify(body);
}

async function forward(auth: Auth, request: FastifyRequest, reply: FastifyReply) {
  const url = new URL(request.url, auth.options.baseURL);
  const response = await auth.handler(new Request(url, { method: request.method, headers: toWebHeaders(request), body: bodyFor(request, url.pathname) }));
  reply.status(response.status);
  for (const [key, value] of response.headers) if (key !== 'set-cookie' && key !== 'content-length') reply.header(key, value);
  const cookies = response.headers.getSetCookie();
  if (cookies.length) reply.header('set-cookie', cookies);
  let text = await response.text();
  // The answer to a sign-up must be the same whether or not the address is registered.
  if (url.pathname === '/api/auth/sign-up/email' && response.ok) text = JSON.stringify({ token: null, status: 'verification-sent' });
  const isJson = response.headers.get('content-type')?.includes('json');
  if (response.status >= 400 && isJson) {
    return reply.type('application/problem+json').send(asProblem(response, text, url.pathname));
  }
  return reply.send(text || null);
}

export async function authRoutes(app: FastifyInstance, opts: { auth: Auth }) {
  app.route({
    method: ['GET', 'POST'],
    url: '/api/auth/*',
    schema: { hide: true },
    handler: (request, reply) => forward(opts.auth, request, reply),
  });
}
