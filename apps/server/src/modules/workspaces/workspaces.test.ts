import type { CheckinReport } from '@steward/client';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DAY_MS } from '../../platform/clock.ts';
import { outboxFor, staffClient } from '../../testing/accounts-client.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { checkinFields } from '../devices/checkin-fields.ts';
import { CheckinIn } from '../devices/device-api-routes.ts';
import { issue } from '../licenses/test-kit.ts';
import { company } from '../orgs/company-test-kit.ts';
import { retentionRule } from '../privacy/retention/rules.ts';
import { sendDeletionWarnings } from './license-expiry.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
beforeEach(() => t.clock.set(new Date()));
afterAll(() => t.close());

const BASE = '/api/companies/current/workspaces';

async function setUp(members = 2) {
  const acme = await company(t, members);
  const issued = await issue(t, 'total-security-1y-3');
  await acme.admin.browser.request('POST', '/api/companies/current/licenses', { code: issued.code });
  const created = await acme.admin.browser.request('POST', BASE, { name: 'Head office', licenseId: issued.id });
  expect(created.statusCode).toBe(201);
  return { acme, licenseId: issued.id, workspaceId: created.json().id as string };
}

async function enroll(token: string, fingerprint: string) {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/devices/enroll',
    payload: { code: token, fingerprint, name: `Desk ${fingerprint}`, platform: 'windows' },
  });
  return response;
}

describe('workspaces', () => {
  it('[WS-1] each workspace has its own roles, and devices join it by token and report through the check-in API', async () => {
    const { acme, workspaceId } = await setUp(2);
    const [op, plain] = acme.colleagues;
    expect((await op.browser.request('GET', BASE)).json()).toEqual([]);
    expect((await op.browser.request('GET', `${BASE}/${workspaceId}`)).statusCode).toBe(404);
    expect((await acme.admin.browser.request('PUT', `${BASE}/${workspaceId}/members/${op.userId}`, { role: 'operator' })).statusCode).toBe(200);
    expect((await op.browser.request('GET', BASE)).json().map((w: { role: string }) => w.role)).toEqual(['operator']);
    expect((await op.browser.request('PUT', `${BASE}/${workspaceId}/members/${plain.userId}`, { role: 'viewer' })).statusCode).toBe(403);

    const minted = await op.browser.request('POST', `${BASE}/${workspaceId}/enrollment-tokens`);
    expect(minted.statusCode).toBe(201);
    const first = await enroll(minted.json().token, 'fp-ws-one-000');
    const second = await enroll(minted.json().token, 'fp-ws-two-000');
    expect([first.statusCode, second.statusCode]).toEqual([201, 201]);
    const checkin: CheckinReport = { protectionStatus: 'at-risk', problems: [] };
    const reported = await t.app.inject({
      method: 'POST',
      url: '/api/v1/devices/checkin',
      headers: { authorization: `Bearer ${first.json().token}` },
      payload: checkin,
    });
    expect(reported.statusCode).toBe(200);

    const devices = (await op.browser.request('GET', `${BASE}/${workspaceId}/devices`)).json();
    expect(devices).toHaveLength(2);
    expect((await op.browser.request('GET', '/api/account/devices')).json()).toEqual([]);
    expect((await acme.admin.browser.request('GET', '/api/account/devices')).json()).toEqual([]);
    expect((await plain.browser.request('GET', `${BASE}/${workspaceId}/devices`)).statusCode).toBe(404);

    await acme.admin.browser.request('PUT', `${BASE}/${workspaceId}/members/${plain.userId}`, { role: 'viewer' });
    expect((await plain.browser.request('GET', `${BASE}/${workspaceId}/devices`)).json()).toHaveLength(2);
    expect((await plain.browser.request('POST', `${BASE}/${workspaceId}/enrollment-tokens`)).statusCode).toBe(403);

    const command = { kind: 'alarm', confirm: true, message: 'Please call IT' };
    const commandUrl = `${BASE}/${workspaceId}/devices/${first.json().deviceId}/commands`;
    expect((await plain.browser.request('POST', commandUrl, command)).statusCode).toBe(403);
    expect((await op.browser.request('POST', commandUrl, command)).statusCode).toBe(201);
    expect((await op.browser.request('POST', `/api/account/devices/${first.json().deviceId}/commands`, command)).statusCode).toBe(404);
    const delivered = await t.app.inject({
      method: 'POST',
      url: '/api/v1/devices/checkin',
      headers: { authorization: `Bearer ${first.json().token}` },
      payload: checkin,
    });
    expect(delivered.json().commands.map((c: { kind: string }) => c.kind)).toEqual(['alarm']);
    expect((await op.browser.request('DELETE', `${BASE}/${workspaceId}`)).statusCode).toBe(403);
  });

  it('[WS-1] a colleague who leaves the company loses their workspace role and drops out of its member list', async () => {
    const { acme, workspaceId } = await setUp(1);
    const [leaver] = acme.colleagues;
    await acme.admin.browser.request('PUT', `${BASE}/${workspaceId}/members/${leaver.userId}`, { role: 'operator' });
    const listed = async () => (await acme.admin.browser.request('GET', `${BASE}/${workspaceId}/members`)).json().map((m: { userId: string }) => m.userId);
    expect(await listed()).toContain(leaver.userId);
    expect((await leaver.browser.request('DELETE', '/api/companies/current/membership')).statusCode).toBe(204);
    expect(await listed()).not.toContain(leaver.userId);
    expect((await leaver.browser.request('GET', `${BASE}/${workspaceId}/devices`)).statusCode).toBe(404);
  });

  it('[WS-1] a workspace token is refused once expired, and a made-up one never enrolls', async () => {
    const { acme, workspaceId } = await setUp(0);
    const { token } = (await acme.admin.browser.request('POST', `${BASE}/${workspaceId}/enrollment-tokens`)).json();
    t.clock.advance(31 * DAY_MS);
    expect((await enroll(token, 'fp-late-00000')).statusCode).toBeGreaterThanOrEqual(400);
    expect((await enroll('wse_not-a-token', 'fp-late-00000')).statusCode).toBeGreaterThanOrEqual(400);
  });

  it('[WS-2] publishes what a managed device sends, generated from the check-in schema', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/devices/checkin/fields' });
    expect(response.statusCode).toBe(200);
    const names = response.json().map((f: { name: string }) => f.name);
    expect(names.filter((n: string) => !n.includes('.'))).toEqual(Object.keys(CheckinIn.properties));
    const status = response.json().find((f: { name: string }) => f.name === 'protectionStatus');
    expect(status.allowed).toContain('protected');
    expect(status.required).toBe(true);

    const extended = { ...CheckinIn, properties: { ...CheckinIn.properties, batteryLevel: { type: 'integer', maximum: 100, description: 'Battery' } } };
    const fields = checkinFields(extended);
    expect(fields.find((f) => f.name === 'batteryLevel')).toMatchObject({ type: 'integer', limits: { maximum: 100 }, description: 'Battery' });
  });

  it('[WS-3] the owner deletes the workspace with its devices; support deletes one on request, with a reason', async () => {
    const { acme, workspaceId } = await setUp(0);
    const { token } = (await acme.admin.browser.request('POST', `${BASE}/${workspaceId}/enrollment-tokens`)).json();
    const device = (await enroll(token, 'fp-gone-00000')).json();
    expect((await acme.admin.browser.request('DELETE', `${BASE}/${workspaceId}`)).statusCode).toBe(204);
    expect((await acme.admin.browser.request('GET', BASE)).json()).toEqual([]);
    const checkin = await t.app.inject({
      method: 'POST',
      url: '/api/v1/devices/checkin',
      headers: { authorization: `Bearer ${device.token}` },
      payload: { protectionStatus: 'protected', problems: [] },
    });
    expect(checkin.statusCode).toBe(401);
    expect((await enroll(token, 'fp-gone-00001')).statusCode).toBeGreaterThanOrEqual(400);

    const other = await setUp(0);
    const agent = await staffClient(t, 'support');
    const url = `/api/staff/workspaces/${other.workspaceId}/delete`;
    expect((await other.acme.admin.browser.request('POST', url, { reason: 'Customer asked by phone' })).statusCode).toBe(403);
    expect((await agent.request('POST', url, {})).statusCode).toBe(400);
    expect((await agent.request('POST', url, { reason: 'Customer asked by phone' })).statusCode).toBe(204);
    expect((await other.acme.admin.browser.request('GET', `${BASE}/${other.workspaceId}`)).statusCode).toBe(404);
    const audited = await t.deps.db.execute<{ n: number }>(
      sql`select count(*)::int as n from audit_log where action = 'support.workspace.delete' and details->>'workspaceId' = ${other.workspaceId}`,
    );
    expect(audited.rows[0].n).toBe(1);
  });

  it('[WS-3] a workspace whose license ended is deleted after the grace, with warnings 14 and 3 days before, each sent once', async () => {
    const { acme, workspaceId, licenseId } = await setUp(0);
    const [license] = (await acme.admin.browser.request('GET', '/api/companies/current/licenses')).json().filter((l: { id: string }) => l.id === licenseId);
    const deleteAt = new Date(license.expiresAt).getTime() + 30 * DAY_MS;
    const warnings = async () => (await outboxFor(t, acme.admin.visitor.email)).filter((m) => m.subject.includes('will be deleted'));
    const rule = retentionRule('workspace-license-expired');

    t.clock.set(new Date(deleteAt - 14 * DAY_MS + 60_000));
    await sendDeletionWarnings(t.deps);
    await sendDeletionWarnings(t.deps);
    expect(await warnings()).toHaveLength(1);
    t.clock.set(new Date(deleteAt - 3 * DAY_MS + 60_000));
    await sendDeletionWarnings(t.deps);
    expect(await warnings()).toHaveLength(2);
    await rule.sweep?.run(t.deps, {});
    expect((await acme.admin.browser.request('GET', `${BASE}/${workspaceId}`)).statusCode).toBe(200);

    t.clock.set(new Date(deleteAt + 60_000));
    expect((await rule.status(t.deps)).due).toBeGreaterThanOrEqual(1);
    await rule.sweep?.run(t.deps, {});
    expect((await acme.admin.browser.request('GET', `${BASE}/${workspaceId}`)).statusCode).toBe(404);
  });
});
