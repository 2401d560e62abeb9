import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, staffClient } from '../../testing/accounts-client.ts';
import { createTestApp, newVisitor, type TestApp } from '../../testing/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const staffBrowser = (role: 'admin' | 'support' | 'dpo') => staffClient(t, role);

describe('staff outbox', () => {
  it('shows waiting messages to staff, so sign-up works without SMTP', async () => {
    const customer = newVisitor();
    await client(t, customer).signUp();
    const staff = await staffBrowser('admin');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const response = await staff.request('GET', '/api/staff/outbox?limit=200');
    expect(response.statusCode).toBe(200);
    const message = response.json().messages.find((m: { recipient: string }) => m.recipient === customer.email);
    expect(message.text).toContain('/api/auth/verify-email?token=');
  });

  it('refuses customers, anonymous callers and staff without the role', async () => {
    const customer = await client(t, newVisitor()).register();
    expect((await customer.request('GET', '/api/staff/outbox')).statusCode).toBe(403);
    expect((await client(t, newVisitor()).request('GET', '/api/staff/outbox')).statusCode).toBe(401);
    const dpo = await staffBrowser('dpo');
    expect((await dpo.request('GET', '/api/staff/outbox')).statusCode).toBe(403);
  });

  it('refuses a bad limit, naming it', async () => {
    const staff = await staffBrowser('support');
    const response = await staff.request('GET', '/api/staff/outbox?limit=100000');
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].field).toBe('querystring.limit');
  });
});

describe('audit of staff reads', () => {
  it('records who read the outbox and why, in the hash chain', async () => {
    const staff = await staffBrowser('admin');
    await staff.request('GET', '/api/staff/outbox');
    const { listAuditEntries } = await import('../../platform/audit/list-audit-entries.ts');
    const { verifyAuditChain } = await import('../../platform/audit/verify-audit-chain.ts');
    const me = (await staff.request('GET', '/api/account')).json().id;
    const entries = await listAuditEntries(t.deps.db, { actorId: me, limit: 10 });
    expect(entries[0]).toMatchObject({ action: 'outbox.read', reason: expect.stringContaining('SMTP') });
    expect((await verifyAuditChain(t.deps.db)).ok).toBe(true);
  });
});
