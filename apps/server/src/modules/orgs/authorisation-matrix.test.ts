import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client } from '../../testing/accounts-client.ts';
import { createTestApp, newVisitor, type TestApp } from '../../testing/harness.ts';
import { issue } from '../licenses/test-kit.ts';
import { company, type Person } from './company-test-kit.ts';

/*
 * Every company route, taken from the route table, against four callers who must be refused:
 * an anonymous caller, a member of another company, a member without the right, and a member
 * of a blocked company. A route missing from CASES fails the test, so none escapes the matrix.
 */

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Caller = 'other' | 'member' | 'blocked';

interface Fixture {
  acme: Awaited<ReturnType<typeof company>>;
  rival: Awaited<ReturnType<typeof company>>;
  frozen: Awaited<ReturnType<typeof company>>;
  /** An invitation of acme to an address that is none of the callers'. */
  foreignInvitation: string;
  /** An invitation of acme to the blocked company's member. */
  blockedInvitation: string;
  acmeLicense: string;
  frozenLicense: string;
  /** An invitation of the blocked company. */
  frozenInvitation: string;
  /** A workspace of acme in which the member without the right has no role, and one of the blocked company. */
  acmeWorkspace: string;
  frozenWorkspace: string;
}

interface Case {
  params?: (f: Fixture, caller: Caller) => Record<string, string>;
  body?: unknown;
  /** What a member of acme who lacks the right gets; 'allowed' where every member has it. */
  member: number | 'allowed';
}

const memberOf = (f: Fixture, caller: Caller) => ({ memberId: caller === 'blocked' ? f.frozen.colleagues[1].memberId : f.acme.colleagues[1].memberId });

const workspaceOf = (f: Fixture, caller: Caller) => ({ id: caller === 'blocked' ? f.frozenWorkspace : f.acmeWorkspace });
const workspaceMemberOf = (f: Fixture, caller: Caller) => ({
  ...workspaceOf(f, caller),
  userId: caller === 'blocked' ? f.frozen.admin.userId : f.acme.admin.userId,
});

const CASES: Record<string, Case> = {
  'POST /api/companies': { body: { name: 'Matrix Ltd', country: 'gb', language: 'en' }, member: 409 },
  'GET /api/companies/current': { member: 'allowed' },
  'PATCH /api/companies/current': { body: { supportRequestsShared: true }, member: 403 },
  'PUT /api/companies/current/domain': { body: { domain: null }, member: 403 },
  'GET /api/companies/joinable': { member: 'allowed' },
  'POST /api/companies/:companyId/join': { params: (f, caller) => ({ companyId: caller === 'blocked' ? f.frozen.id : f.acme.id }), member: 409 },
  'POST /api/companies/current/invitations': { body: { email: 'matrix-invitee@example.test' }, member: 403 },
  'GET /api/companies/invitations/:invitationId': {
    params: (f, caller) => ({ invitationId: caller === 'blocked' ? f.blockedInvitation : f.foreignInvitation }),
    member: 404,
  },
  'POST /api/companies/invitations/:invitationId/accept': {
    params: (f, caller) => ({ invitationId: caller === 'blocked' ? f.blockedInvitation : f.foreignInvitation }),
    member: 404,
  },
  'GET /api/companies/current/invitations': { member: 403 },
  'DELETE /api/companies/current/invitations/:invitationId': {
    params: (f, caller) => ({ invitationId: caller === 'blocked' ? f.frozenInvitation : f.foreignInvitation }),
    member: 403,
  },
  'DELETE /api/companies/current/membership': { member: 'allowed' },
  'GET /api/companies/current/notices': { member: 403 },
  'POST /api/companies/current/block': { member: 403 },
  'DELETE /api/companies/current/block': { member: 403 },
  'GET /api/companies/current/members': { member: 403 },
  'PATCH /api/companies/current/members/:memberId': { params: memberOf, body: { name: 'Matrix' }, member: 403 },
  'POST /api/companies/current/members/:memberId/password-reset': { params: memberOf, member: 403 },
  'POST /api/companies/current/members/:memberId/ownership': { params: memberOf, member: 403 },
  'DELETE /api/companies/current/members/:memberId': { params: memberOf, member: 403 },
  'GET /api/companies/current/licenses': { member: 'allowed' },
  'POST /api/companies/current/licenses': { body: { code: 'AAAAA-AAAAA-AAAAA-AAAAA-AAAAA' }, member: 403 },
  'DELETE /api/companies/current/licenses/:licenseId': {
    params: (f, caller) => ({ licenseId: caller === 'blocked' ? f.frozenLicense : f.acmeLicense }),
    member: 403,
  },
  'GET /api/companies/current/workspaces': { member: 'allowed' },
  'POST /api/companies/current/workspaces': {
    body: { name: 'Matrix', licenseId: '00000000-0000-4000-8000-000000000000' },
    member: 403,
  },
  'GET /api/companies/current/workspaces/:id': { params: workspaceOf, member: 404 },
  'DELETE /api/companies/current/workspaces/:id': { params: workspaceOf, member: 404 },
  'GET /api/companies/current/workspaces/:id/members': { params: workspaceOf, member: 404 },
  'PUT /api/companies/current/workspaces/:id/members/:userId': { params: workspaceMemberOf, body: { role: 'viewer' }, member: 404 },
  'DELETE /api/companies/current/workspaces/:id/members/:userId': { params: workspaceMemberOf, member: 404 },
  'POST /api/companies/current/workspaces/:id/enrollment-tokens': { params: workspaceOf, member: 404 },
  'GET /api/companies/current/workspaces/:id/devices': { params: workspaceOf, member: 404 },
  'POST /api/companies/current/workspaces/:id/devices/:deviceId/commands': {
    params: (f, caller) => ({ ...workspaceOf(f, caller), deviceId: '00000000-0000-4000-8000-000000000000' }),
    body: { kind: 'alarm', confirm: true },
    member: 404,
  },
  'GET /api/companies/current/support-contracts': { member: 'allowed' },
  'POST /api/companies/current/support-contracts': {
    body: { product: 'Matrix', level: 'standard', startsAt: '2026-01-01T00:00:00Z', endsAt: '2027-01-01T00:00:00Z', authorised: ['nobody'] },
    member: 403,
  },
};

let t: TestApp;
let f: Fixture;

async function invite(admin: Person, email: string): Promise<string> {
  return (await admin.browser.request('POST', '/api/companies/current/invitations', { email })).json().id;
}

async function workspaceOn(admin: Person, licenseId: string): Promise<string> {
  return (await admin.browser.request('POST', '/api/companies/current/workspaces', { name: 'Matrix', licenseId })).json().id;
}

async function companyLicense(admin: Person): Promise<string> {
  const issued = await issue(t, 'total-security-1y-3');
  await admin.browser.request('POST', '/api/companies/current/licenses', { code: issued.code });
  return issued.id;
}

beforeAll(async () => {
  t = await createTestApp();
  const [acme, rival, frozen] = await Promise.all([company(t, 2), company(t, 1), company(t, 2)]);
  const foreignInvitation = await invite(acme.admin, `stranger-${acme.domain}@example.test`);
  const blockedInvitation = await invite(acme.admin, frozen.colleagues[0].visitor.email);
  const [acmeLicense, frozenLicense] = [await companyLicense(acme.admin), await companyLicense(frozen.admin)];
  const frozenInvitation = await invite(frozen.admin, `stranger-${frozen.domain}@example.test`);
  const [acmeWorkspace, frozenWorkspace] = [await workspaceOn(acme.admin, acmeLicense), await workspaceOn(frozen.admin, frozenLicense)];
  await frozen.admin.browser.request('POST', '/api/companies/current/block');
  f = { acme, rival, frozen, foreignInvitation, blockedInvitation, acmeLicense, frozenLicense, frozenInvitation, acmeWorkspace, frozenWorkspace };
});
afterAll(() => t.close());

function companyRoutes() {
  return t.routes.filter((r) => r.url.startsWith('/api/companies') && r.method !== 'HEAD').map((r) => `${r.method} ${r.url}`);
}

function call(browser: Person['browser'], key: string, caller: Caller) {
  const [method, pattern] = key.split(' ') as [Method, string];
  const { params, body } = CASES[key];
  const values = params?.(f, caller) ?? {};
  const url = pattern.replace(/:([A-Za-z]+)/g, (_, name: string) => values[name]);
  return browser.request(method, url, body);
}

describe('company authorisation matrix', () => {
  it('has a case for every company route in the route table, and none for a route that is gone', () => {
    const routes = companyRoutes();
    expect(routes.length).toBeGreaterThanOrEqual(21);
    expect(routes.filter((r) => !(r in CASES))).toEqual([]);
    expect(Object.keys(CASES).filter((k) => !routes.includes(k))).toEqual([]);
  });

  it('refuses an anonymous caller on every company route', async () => {
    const anonymous = client(t, newVisitor());
    for (const key of companyRoutes()) {
      const response = await call(anonymous, key, 'other');
      expect(response.statusCode, key).toBe(401);
    }
  });

  it('never lets a member of another company reach the company or change it', async () => {
    const outsider = f.rival.admin.browser;
    const secrets = [f.acme.id, f.acme.admin.visitor.email, ...f.acme.colleagues.map((c) => c.visitor.email)];
    for (const key of companyRoutes()) {
      const response = await call(outsider, key, 'other');
      if (CASES[key].params) expect(response.statusCode, key).toBe(404);
      // A problem's `instance` repeats the URL the caller sent, ids included; the rest must hold nothing of acme.
      const answer = JSON.stringify({ ...response.json(), instance: undefined });
      for (const secret of secrets) expect(answer, key).not.toContain(secret);
      // Routes without ids act on the caller's own company; undo a block so the next route meets the same caller.
      await outsider.request('DELETE', '/api/companies/current/block');
    }
    const acme = (await f.acme.admin.browser.request('GET', '/api/companies/current')).json();
    expect(acme).toMatchObject({ blocked: false, domain: f.acme.domain, name: `Company ${f.acme.domain}`, supportRequestsShared: false });
    const members = (await f.acme.admin.browser.request('GET', '/api/companies/current/members')).json();
    expect(members).toHaveLength(3);
    expect(members.map((m: { name: string }) => m.name)).not.toContain('Matrix');
    expect((await f.acme.admin.browser.request('GET', '/api/companies/current/licenses')).json()).toHaveLength(1);
    expect((await f.acme.admin.browser.request('GET', `/api/companies/current/workspaces/${f.acmeWorkspace}/members`)).json()).toHaveLength(1);
    expect((await f.acme.admin.browser.request('GET', '/api/companies/current/invitations')).json().map((i: { id: string }) => i.id)).toContain(
      f.foreignInvitation,
    );
  });

  it('refuses a member without the right on every administrator route', async () => {
    const member = f.acme.colleagues[0].browser;
    for (const key of companyRoutes()) {
      const expected = CASES[key].member;
      if (expected === 'allowed') continue;
      const response = await call(member, key, 'member');
      expect(response.statusCode, key).toBe(expected);
    }
    expect((await f.acme.admin.browser.request('GET', '/api/companies/current')).json().blocked).toBe(false);
  });

  it('[ORG-3] refuses a member of a blocked company on every company route but the one that says it is blocked', async () => {
    const member = f.frozen.colleagues[0].browser;
    for (const key of companyRoutes()) {
      const response = await call(member, key, 'blocked');
      if (key === 'GET /api/companies/current') {
        expect(response.json(), key).toMatchObject({ id: f.frozen.id, blocked: true });
        continue;
      }
      expect(response.statusCode, key).toBe(403);
      // Unblocking is an administrator's, so a member meets `forbidden` there; everywhere else the block itself.
      expect(response.json().code, key).toBe(key === 'DELETE /api/companies/current/block' ? 'forbidden' : 'company-blocked');
    }
    expect((await f.frozen.admin.browser.request('GET', '/api/companies/current')).json().blocked).toBe(true);
  });
});
