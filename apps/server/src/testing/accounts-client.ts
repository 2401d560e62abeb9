import { desc, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { outboxMessage } from '../platform/notify/schema.ts';
import { BASE_URL, cookiesFrom, type TestApp, type Visitor } from './harness.ts';

/** Drives the HTTP API as a browser would: origin header, cookies, one client address. */
export function client(t: TestApp, visitor: Visitor) {
  let cookie = '';
  const request = async (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: unknown): Promise<LightMyRequestResponse> => {
    const response = await t.app.inject({
      method,
      url,
      remoteAddress: visitor.ip,
      headers: { origin: BASE_URL, ...(cookie ? { cookie } : {}), ...(payload !== undefined ? { 'content-type': 'application/json' } : {}) },
      payload: payload === undefined ? undefined : JSON.stringify(payload),
    });
    const fresh = cookiesFrom(response);
    if (fresh) cookie = mergeCookies(cookie, fresh);
    return response;
  };
  return {
    request,
    get cookie() {
      return cookie;
    },
    forgetCookies() {
      cookie = '';
    },
    signUp: () => request('POST', '/api/auth/sign-up/email', { email: visitor.email, password: visitor.password }),
    signIn: (password = visitor.password) => request('POST', '/api/auth/sign-in/email', { email: visitor.email, password }),
    async verifyFromOutbox() {
      const link = await latestLink(t, visitor.email, '/api/auth/verify-email');
      return request('GET', link.replace(BASE_URL, ''));
    },
    /** Signs up, follows the verification link, and ends signed in. */
    async register() {
      await request('POST', '/api/auth/sign-up/email', { email: visitor.email, password: visitor.password });
      await this.verifyFromOutbox();
      return this;
    },
  };
}

function mergeCookies(existing: string, fresh: string): string {
  const jar = new Map<string, string>();
  for (const part of [...existing.split('; '), ...fresh.split('; ')]) {
    const [name, ...value] = part.split('=');
    if (!name) continue;
    if (value.join('=') === '') jar.delete(name);
    else jar.set(name, value.join('='));
  }
  return [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
}

export async function outboxFor(t: TestApp, recipient: string) {
  return t.deps.db.select().from(outboxMessage).where(eq(outboxMessage.recipient, recipient)).orderBy(desc(outboxMessage.createdAt));
}

/** Mail goes out just after the answer, so the test waits for it briefly. */
export async function latestLink(t: TestApp, recipient: string, path: string): Promise<string> {
  for (let attempt = 0; attempt < 50; attempt++) {
    for (const message of await outboxFor(t, recipient)) {
      const match = message.body.match(new RegExp(`${BASE_URL}${path}[^\\s]*`));
      if (match) return match[0];
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no message with ${path} for ${recipient}`);
}
