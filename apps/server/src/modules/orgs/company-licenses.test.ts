import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { issue } from '../licenses/test-kit.ts';
import { company } from './company-test-kit.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('company licenses', () => {
  it('[ORG-4] every member sees the company’s licenses; only an administrator removes one', async () => {
    const acme = await company(t, 1);
    const [ann] = acme.colleagues;
    const issued = await issue(t, 'total-security-1y-3');
    const added = await acme.admin.browser.request('POST', '/api/companies/current/licenses', { code: issued.code });
    expect(added.statusCode).toBe(201);
    expect((await acme.admin.browser.request('POST', '/api/companies/current/licenses', { code: issued.code })).statusCode).toBe(200);

    const seen = (await ann.browser.request('GET', '/api/companies/current/licenses')).json();
    expect(seen.map((l: { id: string }) => l.id)).toEqual([issued.id]);
    expect((await ann.browser.request('GET', '/api/account/licenses')).json()).toEqual([]);

    const refused = await ann.browser.request('DELETE', `/api/companies/current/licenses/${issued.id}`);
    expect(refused.statusCode).toBe(403);
    expect((await acme.admin.browser.request('DELETE', `/api/companies/current/licenses/${issued.id}`)).statusCode).toBe(204);
    expect((await ann.browser.request('GET', '/api/companies/current/licenses')).json()).toEqual([]);
  });

  it('[LIC-4] adding follows the rights the administrator sets: a license manager may, a plain member may not', async () => {
    const acme = await company(t, 2);
    const [manager, plain] = acme.colleagues;
    const first = await issue(t, 'total-security-1y-3');
    expect((await plain.browser.request('POST', '/api/companies/current/licenses', { code: first.code })).statusCode).toBe(403);
    expect((await manager.browser.request('POST', '/api/companies/current/licenses', { code: first.code })).statusCode).toBe(403);

    await acme.admin.browser.request('PATCH', `/api/companies/current/members/${manager.memberId}`, { role: 'license-manager' });
    expect((await manager.browser.request('POST', '/api/companies/current/licenses', { code: first.code })).statusCode).toBe(201);
    expect((await manager.browser.request('DELETE', `/api/companies/current/licenses/${first.id}`)).statusCode).toBe(403);
    expect((await plain.browser.request('GET', '/api/companies/current/licenses')).json()).toHaveLength(1);
  });

  it('[ORG-4] a company’s license cannot be taken into a personal account or by another company', async () => {
    const acme = await company(t, 1);
    const rival = await company(t, 0);
    const issued = await issue(t, 'total-security-1y-3');
    await acme.admin.browser.request('POST', '/api/companies/current/licenses', { code: issued.code });

    const personal = await acme.colleagues[0].browser.request('POST', '/api/account/licenses', { code: issued.code });
    expect(personal.json().code).toBe('license-already-owned');
    const other = await rival.admin.browser.request('POST', '/api/companies/current/licenses', { code: issued.code });
    expect(other.json().code).toBe('license-already-owned');
    expect((await rival.admin.browser.request('DELETE', `/api/companies/current/licenses/${issued.id}`)).statusCode).toBe(404);
    expect((await acme.admin.browser.request('GET', '/api/companies/current/licenses')).json()).toHaveLength(1);
  });
});
