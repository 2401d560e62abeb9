import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff } from '../../cli/create-staff.ts';
import { client } from '../../testing/accounts-client.ts';
import { createTestApp, newVisitor, type TestApp } from '../../testing/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function staffBrowser(role: 'admin' | 'support' | 'dpo') {
  const visitor = newVisitor();
  const { userId } = await createStaff(t.auth, t.deps, { email: visitor.email, role, password: visitor.password });
  const browser = client(t, visitor);
  await browser.signIn();
  return { browser, userId };
}

describe('DPO audit view', () => {
  it('shows who read whose data and why, with the chain verified, and logs the look itself', async () => {
    const support = await staffBrowser('support');
    const customer = newVisitor();
    await t.deps.audit.record({ actorId: support.userId, action: 'request.read', reason: 'Answer support request 42', subjectUserId: customer.email });
    const dpo = await staffBrowser('dpo');
    const response = await dpo.browser.request('GET', `/api/staff/audit?actorId=${support.userId}`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.chain.ok).toBe(true);
    expect(body.entries[0]).toMatchObject({ actorId: support.userId, action: 'request.read', reason: 'Answer support request 42' });
    const own = (await dpo.browser.request('GET', `/api/staff/audit?actorId=${dpo.userId}`)).json();
    expect(own.entries.map((e: { action: string }) => e.action)).toContain('audit.read');
  });

  it('is refused to customers, support agents and anonymous callers', async () => {
    expect((await (await client(t, newVisitor()).register()).request('GET', '/api/staff/audit')).statusCode).toBe(403);
    expect((await (await staffBrowser('support')).browser.request('GET', '/api/staff/audit')).statusCode).toBe(403);
    expect((await client(t, newVisitor()).request('GET', '/api/staff/audit')).statusCode).toBe(401);
  });
});
