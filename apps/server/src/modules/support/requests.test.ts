import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client } from '../../testing/accounts-client.ts';
import { createTestApp, newVisitor, type TestApp } from '../../testing/harness.ts';
import { issue } from '../licenses/test-kit.ts';
import { requestFacts } from './request-facts.ts';
import { supportMessage, supportRequest } from './schema.ts';
import { openRequest, requestBody, supportAgent, supportCustomer } from './support-test-kit.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const requestsOf = (userId: string) => t.deps.db.select().from(supportRequest).where(eq(supportRequest.userId, userId));

describe('opening a support request', () => {
  it('[SUP-1] stores and shows the product, license, hardware, software, description and email', async () => {
    const customer = await supportCustomer(t);
    const license = await issue(t, 'total-security-1y-1', customer.userId);
    const options = (await customer.browser.request('GET', '/api/support/options')).json();
    expect(options.email).toBe(customer.email);
    expect(options.products).toContainEqual({ id: 'total-security', name: 'Steward Total Security' });
    expect(options.licenses).toEqual([{ id: license.id, label: expect.stringContaining('Steward Total Security'), productId: 'total-security' }]);

    const body = requestBody({ licenseId: license.id, licenseNumber: 'AB12-CD34', contactEmail: 'it-desk@example.test' });
    const created = await customer.browser.request('POST', '/api/support/requests', body);
    expect(created.statusCode).toBe(201);
    const shown = (await customer.browser.request('GET', `/api/support/requests/${created.json().id}`)).json();
    expect(shown).toMatchObject({
      subject: body.subject,
      productId: 'total-security',
      productName: 'Steward Total Security',
      license: { id: license.id, label: options.licenses[0].label },
      licenseNumber: 'AB12-CD34',
      hardware: body.hardware,
      software: body.software,
      description: body.description,
      contactEmail: 'it-desk@example.test',
      status: 'new',
      department: { code: 'consumer' },
      closedAt: null,
      messages: [],
    });
    expect(shown.number).toBeGreaterThan(0);
    const list = (await customer.browser.request('GET', '/api/support/requests')).json();
    expect(list).toEqual([expect.objectContaining({ id: shown.id, number: shown.number, subject: body.subject, status: 'new' })]);
    expect(await requestFacts(t.deps, shown.id)).toMatchObject({ userId: customer.userId, number: shown.number });
    expect(await requestFacts(t.deps, 'not-a-uuid')).toBeNull();
  });

  it('[SUP-1] answers to the account email when no other is given', async () => {
    const customer = await supportCustomer(t);
    const view = await openRequest(customer);
    expect(view.contactEmail).toBe(customer.email);
    expect(view.license).toBeNull();
  });

  it('[SUP-1] refuses a bad field naming it, and writes nothing', async () => {
    const stranger = await supportCustomer(t);
    const foreignLicense = await issue(t, 'total-security-1y-1', stranger.userId);
    const cases: Array<[Record<string, unknown> | ((userId: string) => Promise<Record<string, unknown>>), string]> = [
      [{ subject: '' }, 'subject'],
      [{ subject: '   ' }, 'subject'],
      [{ subject: 'x'.repeat(201) }, 'subject'],
      [{ hardware: 'x'.repeat(2001) }, 'hardware'],
      [{ software: 'x'.repeat(2001) }, 'software'],
      [{ description: 'x'.repeat(10001) }, 'description'],
      [{ licenseNumber: 'x'.repeat(65) }, 'licenseNumber'],
      [{ contactEmail: 'not an email' }, 'contactEmail'],
      [{ contactEmail: `${'x'.repeat(250)}@example.test` }, 'contactEmail'],
      [{ productId: 'no-such-product' }, 'productId'],
      [{ licenseId: 'not-a-uuid' }, 'licenseId'],
      [{ licenseId: foreignLicense.id }, 'licenseId'],
      [async (userId) => ({ licenseId: (await issue(t, 'mail-protection-1y-1', userId)).id }), 'productId'],
      [{ extra: 1 }, 'extra'],
    ];
    // Refused attempts count against the hourly limit too, so the attempts are spread over customers.
    let customer = await supportCustomer(t);
    const customers = [customer];
    for (const [index, [override, field]] of cases.entries()) {
      if (index % 8 === 7) {
        customer = await supportCustomer(t);
        customers.push(customer);
      }
      const fields = typeof override === 'function' ? await override(customer.userId) : override;
      const response = await customer.browser.request('POST', '/api/support/requests', requestBody(fields));
      expect(response.statusCode, field).toBe(400);
      expect(
        response.json().errors.map((e: { field: string }) => e.field),
        JSON.stringify(fields).slice(0, 60),
      ).toContain(field);
    }
    customer = await supportCustomer(t);
    customers.push(customer);
    for (const field of ['subject', 'productId', 'hardware', 'software', 'description']) {
      const missing: Record<string, unknown> = requestBody();
      delete missing[field];
      const response = await customer.browser.request('POST', '/api/support/requests', missing);
      expect(response.json().errors[0].field, field).toBe(field);
    }
    for (const { userId } of customers) expect(await requestsOf(userId)).toEqual([]);
  });

  it('limits how many requests an account opens in an hour', async () => {
    const customer = await supportCustomer(t);
    for (let i = 0; i < 10; i++) await openRequest(customer, { subject: `Problem ${i}` });
    const refused = await customer.browser.request('POST', '/api/support/requests', requestBody());
    expect(refused.statusCode).toBe(429);
    expect(await requestsOf(customer.userId)).toHaveLength(10);
  });
});

describe('the conversation', () => {
  it('[SUP-1] lets the customer answer and close; a closed request takes no more messages', async () => {
    const customer = await supportCustomer(t);
    const view = await openRequest(customer);
    const posted = await customer.browser.request('POST', `/api/support/requests/${view.id}/messages`, { body: 'It happens in safe mode too.' });
    expect(posted.statusCode).toBe(201);
    expect(posted.json()).toMatchObject({ authorKind: 'customer', body: 'It happens in safe mode too.' });
    const closed = await customer.browser.request('POST', `/api/support/requests/${view.id}/close`);
    expect(closed.json()).toMatchObject({ status: 'closed', closedAt: expect.any(String), messages: [expect.objectContaining({ id: posted.json().id })] });
    const late = await customer.browser.request('POST', `/api/support/requests/${view.id}/messages`, { body: 'One more thing' });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('request-closed');
  });

  it('[SUP-1] never shows the customer an internal note', async () => {
    const customer = await supportCustomer(t);
    const agent = await supportAgent(t);
    const view = await openRequest(customer);
    await agent.browser.request('POST', `/api/staff/support/requests/${view.id}/messages`, { body: 'Customer runs an old build', internal: true });
    await agent.browser.request('POST', `/api/staff/support/requests/${view.id}/messages`, { body: 'Please update to 4.3', internal: false });
    const shown = (await customer.browser.request('GET', `/api/support/requests/${view.id}`)).json();
    expect(shown.messages.map((m: { body: string }) => m.body)).toEqual(['Please update to 4.3']);
    expect(JSON.stringify(shown)).not.toContain('old build');
    const stored = await t.deps.db.select().from(supportMessage).where(eq(supportMessage.requestId, view.id));
    expect(stored.every((m) => m.userId === customer.userId)).toBe(true);
  });

  it("refuses another customer's request (404) and an anonymous caller (401)", async () => {
    const owner = await supportCustomer(t);
    const other = await supportCustomer(t);
    const view = await openRequest(owner);
    const attempts: Array<['GET' | 'POST', string, unknown]> = [
      ['GET', `/api/support/requests/${view.id}`, undefined],
      ['POST', `/api/support/requests/${view.id}/messages`, { body: 'hello' }],
      ['POST', `/api/support/requests/${view.id}/close`, undefined],
    ];
    for (const [method, url, body] of attempts) expect((await other.browser.request(method, url, body)).statusCode, `${method} ${url}`).toBe(404);
    expect((await other.browser.request('GET', '/api/support/requests')).json()).toEqual([]);
    const anonymous = client(t, newVisitor());
    for (const [method, url, body] of [
      ...attempts,
      ['GET', '/api/support/options', undefined],
      ['GET', '/api/support/requests', undefined],
      ['POST', '/api/support/requests', requestBody()],
    ] as Array<['GET' | 'POST', string, unknown]>)
      expect((await anonymous.request(method, url, body)).statusCode, `${method} ${url}`).toBe(401);
    expect((await owner.browser.request('GET', `/api/support/requests/${view.id}`)).json().status).toBe('new');
  });
});
