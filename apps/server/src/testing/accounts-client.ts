import { desc, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { createStaff } from '../cli/create-staff.ts';
import type { StaffRole } from '../modules/accounts/auth-options.ts';
import { outboxMessage } from '../platform/notify/schema.ts';
import { BASE_URL, cookiesFrom, newVisitor, type TestApp, type Visitor } from './harness.ts';

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

/** A fresh staff account with the role, signed in. */
export async function staffClient(t: TestApp, role: StaffRole) {
  const visitor = newVisitor();
  await createStaff(t.auth, t.deps, { email: visitor.email, role, password: visitor.password });
  const browser = client(t, visitor);
  const response = await browser.signIn();
  if (response.statusCode !== 200) throw new Error(`staff sign-in answered ${response.statusCode}`);
  return browser;
}

export async function outboxFor(t: TestApp, recipient: string) {
  return t.deps.db.select().from(outboxMessage).where(eq(outboxMessage.recipient, recipient)).orderBy(desc(outboxMessage.createdAt));
}

/** Mail goes out just after the answer, so the test waits for it (a loaded machine may take seconds). */
export async function latestLink(t: TestApp, recipient: string, path: string, subject?: string): Promise<string> {
  for (let attempt = 0; attempt < 250; attempt++) {
    for (const message of await outboxFor(t, recipient)) {
      if (subject && message.subject !== subject) continue;
      const match = message.body.match(new RegExp(`${BASE_URL}${path}[^\\s]*`));
      if (match) return match[0];
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no message with ${path} for ${recipient}`);
}
