import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { client, staffClient } from '../../testing/accounts-client.ts';
import { BASE_URL, newVisitor, type TestApp } from '../../testing/harness.ts';
import { supportAgent, supportDepartment, supportRequest } from '../support/schema.ts';
import { acceptTerms, CURRENT_TERMS_VERSION, publishTerms } from '../support/terms.ts';

/** A signed-in, verified customer who can send multipart forms as well as JSON. */
export async function customer(t: TestApp) {
  const visitor = newVisitor();
  const browser = await client(t, visitor).register();
  const userId: string = (await browser.request('GET', '/api/account')).json().id;
  const upload = (parts: FormPart[], url = '/api/reports'): Promise<LightMyRequestResponse> => {
    const form = multipart(parts);
    return t.app.inject({
      method: 'POST',
      url,
      remoteAddress: visitor.ip,
      headers: { origin: BASE_URL, cookie: browser.cookie, 'content-type': form.contentType },
      payload: form.body,
    });
  };
  return { browser, userId, visitor, upload };
}

export type Customer = Awaited<ReturnType<typeof customer>>;

export type FormPart = { name: string; value: string } | { name: string; fileName: string; data: Buffer };

export function multipart(parts: FormPart[]): { contentType: string; body: Buffer } {
  const boundary = `----steward${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition = 'fileName' in part ? `form-data; name="${part.name}"; filename="${part.fileName}"` : `form-data; name="${part.name}"`;
    const type = 'fileName' in part ? '\r\nContent-Type: application/gzip' : '';
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}${type}\r\n\r\n`));
    chunks.push('fileName' in part ? part.data : Buffer.from(part.value));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { contentType: `multipart/form-data; boundary=${boundary}`, body: Buffer.concat(chunks) };
}

export async function acceptSupportTerms(t: TestApp, userId: string): Promise<void> {
  await publishTerms(t.deps);
  await acceptTerms(t.deps, userId, CURRENT_TERMS_VERSION, 'web');
}

/** A department of its own, so agents of other tests never handle its requests. */
export async function department(t: TestApp): Promise<string> {
  const code = `diag-${randomBytes(4).toString('hex')}`;
  const [row] = await t.deps.db.insert(supportDepartment).values({ code, name: code, createdAt: t.clock.now() }).returning();
  return row.id;
}

export async function supportRequestOf(t: TestApp, userId: string, departmentId: string): Promise<string> {
  const now = t.clock.now();
  const [row] = await t.deps.db
    .insert(supportRequest)
    .values({
      userId,
      departmentId,
      status: 'open',
      subject: 'Scans fail',
      contactEmail: 'someone@example.test',
      productId: 'total-security',
      hardware: 'laptop',
      software: 'Windows 11',
      description: 'The scanner stops at 50 %',
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  return row.id;
}

/** A support agent of the department, signed in. */
export async function agentOf(t: TestApp, departmentId: string) {
  const browser = await staffClient(t, 'support');
  const userId: string = (await browser.request('GET', '/api/account')).json().id;
  await t.deps.db.insert(supportAgent).values({ userId, departmentId, addedAt: t.clock.now() });
  return { browser, userId };
}
