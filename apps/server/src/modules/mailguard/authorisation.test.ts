import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { issue } from '../licenses/test-kit.ts';
import { company } from '../orgs/company-test-kit.ts';
import { connect, consent, newMailbox, protectedCustomer } from './mailguard-test-kit.ts';

/*
 * Every customer route of mail protection, from the route table, against people who must not manage the connection or
 * license: another customer, a member of the owning company without administrator rights, and an administrator of
 * another company. A route missing from CASES fails the test. The staff routes are in notices.test.ts.
 */

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type Call = (f: Fixture) => { method: 'GET' | 'POST' | 'PATCH' | 'DELETE'; url: string; body?: unknown };
interface Fixture {
  licenseId: string;
  connectionId: string;
}

const settings = { scanAttachments: false, scanLinks: false, action: 'report', paused: true };
const CASES: Record<string, Call> = {
  'GET /api/mail-protection': () => ({ method: 'GET', url: '/api/mail-protection' }),
  'POST /api/mail-protection/authorizations': (f) => ({
    method: 'POST',
    url: '/api/mail-protection/authorizations',
    body: { licenseId: f.licenseId, kind: 'mailbox', provider: 'test' },
  }),
  'GET /api/mail-protection/oauth/callback': () => ({ method: 'GET', url: '/api/mail-protection/oauth/callback?state=not-theirs&code=x' }),
  'POST /api/mail-protection/automatic-setup': (f) => ({
    method: 'POST',
    url: '/api/mail-protection/automatic-setup',
    body: { licenseId: f.licenseId, provider: 'test', adminUser: 'a@corp.example.test', adminPassword: 'x' },
  }),
  'PATCH /api/mail-protection/connections/:id': (f) => ({ method: 'PATCH', url: `/api/mail-protection/connections/${f.connectionId}`, body: settings }),
  'DELETE /api/mail-protection/connections/:id': (f) => ({ method: 'DELETE', url: `/api/mail-protection/connections/${f.connectionId}` }),
};

describe('mail protection authorisation', () => {
  it('covers every customer route', () => {
    const routes = t.routes
      .filter((r) => r.url.startsWith('/api/mail-protection') && !r.url.includes('/test-provider/') && r.method !== 'HEAD')
      .map((r) => `${r.method} ${r.url}`);
    expect(routes.sort()).toEqual(Object.keys(CASES).sort());
  });

  it('refuses another customer, a company member who is no administrator, and another company’s administrator; nothing changes', async () => {
    const acme = await company(t, 1);
    const issued = await issue(t, 'mail-protection-1y-10');
    expect((await acme.admin.browser.request('POST', '/api/companies/current/licenses', { code: issued.code })).statusCode).toBe(201);
    const companyConnection = await connect(t, acme.admin, issued.id);
    const rival = await company(t, 0);
    const personal = await protectedCustomer(t, 'mail-protection-1y-10');
    const personalConnection = await connect(t, personal, personal.licenseId);

    const outsiders = {
      'another customer': personal.browser,
      'a company member': acme.colleagues[0].browser,
      'another company’s administrator': rival.admin.browser,
    };
    const fixture = { licenseId: issued.id, connectionId: companyConnection.id };
    for (const [who, browser] of Object.entries(outsiders)) {
      for (const [route, call] of Object.entries(CASES)) {
        const { method, url, body } = call(fixture);
        const response = await browser.request(method, url, body);
        if (method === 'GET' && url === '/api/mail-protection') {
          expect(JSON.stringify(response.json()), `${who} ${route}`).not.toContain(companyConnection.address);
          continue;
        }
        if (route === 'GET /api/mail-protection/oauth/callback') {
          expect(response.headers.location, `${who} ${route}`).toContain('error=expired');
          continue;
        }
        expect(response.statusCode, `${who} ${route}: ${response.body}`).toBe(404);
      }
    }
    // The company's own administrator still sees the connection as it was; so does the personal owner theirs.
    const seen = (await acme.admin.browser.request('GET', '/api/mail-protection')).json();
    expect(seen.licenses[0].connections[0]).toMatchObject({ id: companyConnection.id, status: 'active', action: 'quarantine' });
    expect(seen.licenses[0].license.company).toBe(true);
    const own = (await personal.browser.request('GET', '/api/mail-protection')).json();
    expect(own.licenses[0].connections.map((c: { id: string }) => c.id)).toEqual([personalConnection.id]);
    // And the member of the company cannot even start a consent for the company's license.
    expect((await consent(t, acme.colleagues[0], { licenseId: issued.id, address: newMailbox() })).started.statusCode).toBe(404);
  });
});
