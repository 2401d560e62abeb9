import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY_MS } from '../../platform/clock.ts';
import { client } from '../../testing/accounts-client.ts';
import { newVisitor, type TestApp } from '../../testing/harness.ts';
import { createOwnTestApp } from '../../testing/own-database.ts';
import { AUTOMATED_MEASURES } from './automated-measures.ts';
import { retentionRules } from './retention/rules.ts';
import { runRetention } from './retention/run-retention.ts';
import { expireExports } from './rights/exports.ts';
import { openRequest } from './rights/requests.ts';
import { privacyRequest } from './rights/schema.ts';
import { newStaff, newSubject } from './rights/test-subjects.ts';

// Its own database: every retention sweep runs here with the clock half a year ahead.
let t: TestApp;
beforeAll(async () => {
  t = await createOwnTestApp();
});
afterAll(() => t.close());

describe('automated decisions', () => {
  it('[PRIN-5] the published policy says no decision is made by automated means alone, and names a person for each automated measure', async () => {
    const response = await client(t, newVisitor()).request('GET', '/api/privacy/policy');
    expect(response.statusCode).toBe(200);
    const section = response.json().document.automatedDecisions;
    expect(section.statement).toMatch(/no decision about you by automated means alone/);
    expect(section.measures.map((m: { id: string }) => m.id)).toEqual(AUTOMATED_MEASURES.map((m) => m.id));
    for (const measure of section.measures) {
      expect(measure.why.length, measure.id).toBeGreaterThan(20);
      expect(measure.human, measure.id).toMatch(/support|data protection officer|Licenses page|Reset the password/);
    }
  });

  it('[PRIN-5] the clock never decides a privacy request: half a year overdue and after every sweep it is still undecided, first in the DPO’s queue', async () => {
    const subject = await newSubject(t);
    const request = await openRequest(t.deps, subject.userId, 'rectification', { details: { field: 'users.name', text: 'Ada King' } });
    t.clock.advance(183 * DAY_MS);
    for (const rule of retentionRules) await runRetention(t.deps, rule);
    await expireExports(t.deps);

    const [row] = await t.deps.db.select().from(privacyRequest).where(eq(privacyRequest.id, request.id));
    expect(row.status).toBe(request.status);
    expect(['done', 'refused']).not.toContain(row.status);
    expect(row.closedAt).toBeNull();
    expect(row.refusalGround).toBeNull();

    const dpo = await newStaff(t, 'dpo');
    const queue = await dpo.browser.request('GET', `/api/staff/privacy-requests?limit=200&userId=${subject.userId}`);
    expect(queue.statusCode).toBe(200);
    const [first] = queue.json().requests;
    expect(first).toMatchObject({ id: request.id, urgency: 'overdue' });
  });

  it('[PRIN-5] refusing a request is a staff action with a ground and a reason; the person it is about cannot trigger it', async () => {
    const subject = await newSubject(t);
    const request = await openRequest(t.deps, subject.userId, 'access');
    const byCustomer = await subject.browser.request('POST', `/api/staff/privacy-requests/${request.id}/refuse`, {
      ground: 'manifestly-unfounded',
      reason: 'Refusing myself',
    });
    expect(byCustomer.statusCode).toBe(403);
    const dpo = await newStaff(t, 'dpo');
    const withoutReason = await dpo.browser.request('POST', `/api/staff/privacy-requests/${request.id}/refuse`, { ground: 'manifestly-unfounded' });
    expect(withoutReason.statusCode).toBe(400);
    const [row] = await t.deps.db.select().from(privacyRequest).where(eq(privacyRequest.id, request.id));
    expect(row.status).toBe(request.status);
    expect(row.refusalGround).toBeNull();
  });
});
