import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffClient } from '../../testing/accounts-client.ts';
import type { TestApp } from '../../testing/harness.ts';
import { createOwnTestApp } from '../../testing/own-database.ts';
import { issue } from '../licenses/test-kit.ts';
import { ensureDefaultDepartments } from './departments.ts';
import { openRequest, supportAgent, supportCustomer } from './support-test-kit.ts';

// Rules are global, and these tests change them: a database of their own keeps other files' routing intact.
let t: TestApp;
beforeAll(async () => {
  t = await createOwnTestApp();
});
afterAll(() => t.close());

async function departmentIds(): Promise<Record<string, string>> {
  const admin = await staffClient(t, 'admin');
  const list = (await admin.request('GET', '/api/staff/support/departments')).json();
  return Object.fromEntries(list.map((d: { code: string; id: string }) => [d.code, d.id]));
}

describe('routing of new requests', () => {
  it('[SUP-3] starts with the default departments and their rules, once however often the server starts', async () => {
    await ensureDefaultDepartments(t.deps);
    await ensureDefaultDepartments(t.deps);
    const admin = await staffClient(t, 'admin');
    const departments = (await admin.request('GET', '/api/staff/support/departments')).json();
    expect(departments.map((d: { code: string; isDefault: boolean }) => [d.code, d.isDefault])).toEqual([
      ['business', false],
      ['consumer', true],
      ['dach', false],
    ]);
    const ids = await departmentIds();
    const rules = (await admin.request('GET', '/api/staff/support/routing-rules')).json();
    expect(rules).toMatchObject([
      { position: 0, departmentId: ids.dach, language: 'de', licenseKind: null, country: null, productId: null },
      { position: 1, departmentId: ids.business, licenseKind: 'business', language: null },
    ]);
  });

  it('[SUP-3] routes by the interface language, the license and the default, first rule winning', async () => {
    const plain = await supportCustomer(t, { language: 'en', country: 'GB' });
    expect((await openRequest(plain)).department.code).toBe('consumer');

    const austrian = await supportCustomer(t, { language: 'de-AT', country: 'AT' });
    expect((await openRequest(austrian)).department.code).toBe('dach');

    const company = await supportCustomer(t, { language: 'en' });
    const seats = await issue(t, 'total-security-1y-10', company.userId);
    const single = await issue(t, 'total-security-1y-1', company.userId);
    expect((await openRequest(company, { licenseId: seats.id })).department.code).toBe('business');
    expect((await openRequest(company, { licenseId: single.id })).department.code).toBe('consumer');

    // German and business: the language rule comes first.
    const germanCompany = await supportCustomer(t, { language: 'de' });
    const germanSeats = await issue(t, 'total-security-1y-3', germanCompany.userId);
    expect((await openRequest(germanCompany, { licenseId: germanSeats.id })).department.code).toBe('dach');
  });

  it('[SUP-3] routes new requests by the rules an administrator saves, by country and product too', async () => {
    const admin = await staffClient(t, 'admin');
    const ids = await departmentIds();
    const mail = (await admin.request('POST', '/api/staff/support/departments', { code: 'mail', name: 'Mail protection' })).json();
    const swiss = await supportCustomer(t, { language: 'de-CH', country: 'CH' });
    const before = await openRequest(swiss);
    expect(before.department.code).toBe('dach');

    const saved = await admin.request('PUT', '/api/staff/support/routing-rules', {
      rules: [
        { departmentId: mail.id, productId: 'mail-protection' },
        { departmentId: ids.business, country: 'CH' },
        { departmentId: ids.dach, language: 'de' },
      ],
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().map((r: { position: number; departmentId: string }) => [r.position, r.departmentId])).toEqual([
      [0, mail.id],
      [1, ids.business],
      [2, ids.dach],
    ]);
    expect((await openRequest(swiss)).department.code).toBe('business');
    expect((await openRequest(swiss, { productId: 'mail-protection' })).department.code).toBe('mail');
    const german = await supportCustomer(t, { language: 'de', country: 'DE' });
    expect((await openRequest(german)).department.code).toBe('dach');
    // A request keeps the department it was routed to when it was opened.
    expect((await swiss.browser.request('GET', `/api/support/requests/${before.id}`)).json().department.code).toBe('dach');

    await admin.request('PUT', '/api/staff/support/routing-rules', { rules: [] });
    expect((await openRequest(german)).department.code).toBe('consumer');
  });

  it('[SUP-3] refuses a rule naming a bad department, country, language, kind or product, keeping the old list', async () => {
    const admin = await staffClient(t, 'admin');
    const ids = await departmentIds();
    await admin.request('PUT', '/api/staff/support/routing-rules', { rules: [{ departmentId: ids.dach, language: 'de' }] });
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ departmentId: crypto.randomUUID() }, 'rules.1.departmentId'],
      [{ departmentId: ids.dach, country: 'at' }, 'rules.1.country'],
      [{ departmentId: ids.dach, country: 'AUT' }, 'rules.1.country'],
      [{ departmentId: ids.dach, language: 'de-AT' }, 'rules.1.language'],
      [{ departmentId: ids.dach, licenseKind: 'family' }, 'rules.1.licenseKind'],
      [{ departmentId: ids.dach, productId: 'no-such-product' }, 'rules.1.productId'],
    ];
    for (const [rule, field] of cases) {
      const response = await admin.request('PUT', '/api/staff/support/routing-rules', { rules: [{ departmentId: ids.consumer }, rule] });
      expect(response.statusCode, field).toBe(400);
      expect(response.json().errors[0].field, field).toBe(field);
    }
    expect((await admin.request('GET', '/api/staff/support/routing-rules')).json()).toMatchObject([{ departmentId: ids.dach, language: 'de' }]);
  });

  it('[SUP-3] leaves the rules to administrators', async () => {
    const agent = await supportAgent(t, 'consumer');
    expect((await agent.browser.request('GET', '/api/staff/support/routing-rules')).statusCode).toBe(403);
    expect((await agent.browser.request('PUT', '/api/staff/support/routing-rules', { rules: [] })).statusCode).toBe(403);
    const dpo = await staffClient(t, 'dpo');
    expect((await dpo.request('GET', '/api/staff/support/routing-rules')).statusCode).toBe(403);
    const customer = await supportCustomer(t);
    expect((await customer.browser.request('PUT', '/api/staff/support/routing-rules', { rules: [] })).statusCode).toBe(403);
  });
});
