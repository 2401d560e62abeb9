import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVerifiedUser } from '../../cli/create-staff.ts';
import { client } from '../../testing/accounts-client.ts';
import { createTestApp, newVisitor, type TestApp } from '../../testing/harness.ts';

/** Routes anyone may call; every other route of ours needs a session. */
const PUBLIC = new Set([
  'GET /healthz',
  'GET /readyz',
  'GET /api/privacy/datamap',
  'GET /api/privacy/policy',
  'GET /api/privacy/policy/versions',
  'GET /api/privacy/policy/:hash',
  'GET /api/privacy/cookie-consent',
  'POST /api/privacy/cookie-consent',
  'GET /api/privacy/cookie-consent/proof',
  'GET /api/privacy/pixel/:file',
  'POST /api/stats/events',
  // Opened by the random token of the link mailed at erasure, since the account is gone by then.
  'GET /api/privacy/erasure-report/:requestId',
  // The product API: installed products prove themselves by activation code, license token or
  // enrollment code, not by a session.
  'GET /api/v1/license-key',
  'POST /api/v1/activations',
  'POST /api/v1/licenses/validate',
  'POST /api/v1/devices/enroll',
  // WS-2: the published list of what managed devices send, generated from the check-in schema.
  'GET /api/v1/devices/checkin/fields',
  // Device-token routes check the body first (so a bad one is a 400 naming its field) and the
  // token after; modules/devices tests show they answer 401 to a valid body without a good token.
  'POST /api/v1/devices/checkin',
  'POST /api/v1/devices/commands/:id/ack',
  // steward-diag sends bundles with a support request's upload token, not a session; malformed
  // headers are a 400 before the token is looked at, and diagnostics tests show a bad token is a 401.
  'POST /api/v1/diag/bundles',
  // The store provider signs each webhook with HMAC; there is no session to have.
  'POST /api/store/webhooks/:provider',
  // A satisfaction survey is opened from the mailed link; its random token is the credential,
  // so it can be answered without signing in (modules/support/surveys.test.ts, SUP-5).
  'GET /api/support/surveys/:token',
  'POST /api/support/surveys/:token',
  // The community is read in public: posts, comments and the names members chose to show (COMM-1);
  // community-authorisation.test.ts shows every write refused to an anonymous caller.
  'GET /api/community/posts',
  'GET /api/community/posts/:id',
  'GET /api/community/members/:userName',
  // The built-in test mail provider stands in for Microsoft's or Google's own pages, which know no Steward session:
  // its consent page and form (mailguard tests sign in there as the provider's user would), and mail delivery into
  // its mailboxes, as anyone can send mail. They exist only where the test provider runs.
  'GET /api/mail-protection/test-provider/authorize',
  'POST /api/mail-protection/test-provider/authorize',
  'POST /api/mail-protection/test-provider/mailboxes/:address/items',
  // The provider sends the browser back here; without a session it says so on the page (mailguard connect tests).
  'GET /api/mail-protection/oauth/callback',
]);

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

function ours() {
  return t.routes.filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/auth/') && !r.url.startsWith('/api/docs') && r.method !== 'HEAD');
}

interface ObjectSchema {
  properties?: Record<string, { type?: string }>;
  required?: string[];
}

describe('every API route', () => {
  it('exists: the route table is what the tests below walk', () => {
    expect(ours().length).toBeGreaterThanOrEqual(6);
  });

  it('refuses an anonymous caller', async () => {
    for (const route of ours()) {
      if (PUBLIC.has(`${route.method} ${route.url}`)) continue;
      const response = await client(t, newVisitor()).request(route.method as 'GET', route.url, route.method === 'GET' ? undefined : {});
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(401);
      expect(response.headers['content-type'], `${route.method} ${route.url}`).toContain('application/problem+json');
    }
  });

  it('answers a body with an unknown field, or without a required one, with problem+json naming the field', async () => {
    const customer = await client(t, newVisitor()).register();
    // Staff routes are refused to a customer before the body is read, so staff send to them: the DPO, or an
    // administrator where the route is not the DPO's.
    const staff = async (role: 'dpo' | 'admin') => {
      const visitor = newVisitor();
      await createVerifiedUser(t.auth, t.deps, { email: visitor.email, role, password: visitor.password });
      const browser = client(t, visitor);
      await browser.signIn();
      return browser;
    };
    const dpo = await staff('dpo');
    const admin = await staff('admin');
    for (const route of ours()) {
      const body = route.schema?.body as ObjectSchema | undefined;
      if (!body) continue;
      const url = route.url.replace(':address', 'someone@example.test').replace(/:[A-Za-z]+/g, randomUUID());
      let browser = route.url.startsWith('/api/staff/') ? dpo : customer;
      let unknown = await browser.request(route.method as 'POST', url, { surpriseField: 1 });
      if (unknown.statusCode === 403 && browser === dpo) {
        browser = admin;
        unknown = await browser.request(route.method as 'POST', url, { surpriseField: 1 });
      }
      expect(unknown.statusCode, `${route.method} ${route.url}`).toBe(400);
      const fields = unknown.json().errors.map((e: { field: string }) => e.field);
      const expected = body.required?.length ? [body.required[0], 'surpriseField'] : ['surpriseField'];
      expect(expected, `${route.method} ${route.url}`).toContain(fields[0]);
      for (const [name, property] of Object.entries(body.properties ?? {})) {
        const wrong = property.type === 'string' ? 12345 : 'not-the-right-type';
        const response = await browser.request(route.method as 'POST', url, { [name]: wrong });
        expect(response.statusCode, `${route.method} ${route.url} ${name}`).toBe(400);
        expect(response.headers['content-type']).toContain('application/problem+json');
      }
    }
  });
});
