import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditLog } from '../../../platform/audit/schema.ts';
import { DAY_MS } from '../../../platform/clock.ts';
import { collectDataMap } from '../../../platform/datamap/collect.ts';
import { outboxFor } from '../../../testing/accounts-client.ts';
import { createTestApp, type TestApp } from '../../../testing/harness.ts';
import { addMonths } from './calendar.ts';
import { openRequest } from './requests.ts';
import { privacyRequest } from './schema.ts';
import { newStaff, newSubject } from './test-subjects.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());
beforeEach(() => t.clock.set(new Date()));

async function queue(browser: Awaited<ReturnType<typeof newStaff>>['browser'], userId: string) {
  const response = await browser.request('GET', `/api/staff/privacy-requests?limit=200&userId=${userId}`);
  expect(response.statusCode).toBe(200);
  return response.json().requests as Array<{ id: string; daysLeft: number; urgency: string; deadline: string }>;
}

describe('the DPO queue', () => {
  it('[RIGHT-4] lists overdue requests first, then those due within 7 days, then the rest, with days left; each read is audited', async () => {
    const dpo = await newStaff(t, 'dpo');
    const subject = await newSubject(t);
    const now = t.clock.now();
    t.clock.set(new Date(now.getTime() - 40 * DAY_MS));
    const overdue = await openRequest(t.deps, subject.userId, 'rectification', { details: { field: 'users.name', text: 'x' } });
    t.clock.set(new Date(now.getTime() - 27 * DAY_MS));
    const soon = await openRequest(t.deps, subject.userId, 'access');
    t.clock.set(now);
    const later = await openRequest(t.deps, subject.userId, 'objection');

    const ids = (await queue(dpo.browser, subject.userId)).filter((r) => [overdue.id, soon.id, later.id].includes(r.id));
    expect(ids.map((r) => r.id)).toEqual([overdue.id, soon.id, later.id]);
    expect(ids.map((r) => r.urgency)).toEqual(['overdue', 'due-soon', 'later']);
    expect(ids[0].daysLeft).toBeLessThan(0);
    expect(ids[1].daysLeft).toBeGreaterThanOrEqual(0);
    expect(ids[1].daysLeft).toBeLessThan(7);
    expect(ids[2].deadline).toBe(addMonths(now, 1).toISOString());

    const audits = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorId, dpo.userId), eq(auditLog.subjectUserId, subject.userId)));
    expect(audits.map((a) => a.action)).toContain('privacy-request.read');
  });

  it('[RIGHT-4] an extension of at most two more months is recorded with its reason and the requester is emailed', async () => {
    const dpo = await newStaff(t, 'dpo');
    const subject = await newSubject(t);
    const request = await openRequest(t.deps, subject.userId, 'access');
    const tooLate = addMonths(request.dueAt, 2).getTime() + DAY_MS;
    const refused = await dpo.browser.request('POST', `/api/staff/privacy-requests/${request.id}/extend`, {
      until: new Date(tooLate).toISOString(),
      reason: 'Many files to review',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0].field).toBe('until');

    const until = addMonths(request.dueAt, 2);
    const extended = await dpo.browser.request('POST', `/api/staff/privacy-requests/${request.id}/extend`, {
      until: until.toISOString(),
      reason: 'Many files to review',
    });
    expect(extended.statusCode).toBe(204);
    const [row] = await t.deps.db.select().from(privacyRequest).where(eq(privacyRequest.id, request.id));
    expect(row.extendedUntil?.toISOString()).toBe(until.toISOString());
    expect(row.extensionReason).toBe('Many files to review');
    const mail = (await outboxFor(t, subject.visitor.email)).find((m) => m.subject === 'We need more time for your privacy request');
    expect(mail?.body).toContain('Many files to review');
    expect(mail?.body).toContain(until.toISOString().slice(0, 10));
  });

  it('[RIGHT-5] a refusal needs a ground and a reason, records both, and tells the requester', async () => {
    const dpo = await newStaff(t, 'dpo');
    const subject = await newSubject(t);
    const request = await openRequest(t.deps, subject.userId, 'access');
    const noReason = await dpo.browser.request('POST', `/api/staff/privacy-requests/${request.id}/refuse`, { ground: 'repetitive' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0].field).toBe('reason');
    const badGround = await dpo.browser.request('POST', `/api/staff/privacy-requests/${request.id}/refuse`, {
      ground: 'too-expensive',
      reason: 'We do not feel like it',
    });
    expect(badGround.statusCode).toBe(400);

    const refused = await dpo.browser.request('POST', `/api/staff/privacy-requests/${request.id}/refuse`, {
      ground: 'repetitive',
      reason: 'Fifth identical request this week',
    });
    expect(refused.statusCode).toBe(204);
    const [row] = await t.deps.db.select().from(privacyRequest).where(eq(privacyRequest.id, request.id));
    expect([row.status, row.refusalGround, row.refusalReason]).toEqual(['refused', 'repetitive', 'Fifth identical request this week']);
    expect(row.closedAt).not.toBeNull();
    const mail = (await outboxFor(t, subject.visitor.email)).find((m) => m.subject === 'We cannot act on your privacy request');
    expect(mail?.body).toContain('Fifth identical request this week');
    expect(mail?.body).toContain('supervisory authority');
    const again = await dpo.browser.request('POST', `/api/staff/privacy-requests/${request.id}/complete`);
    expect(again.statusCode).toBe(409);
  });

  it('[RIGHT-5] requests are free: no fee or payment field exists on any rights table', () => {
    const rightsTables = ['privacy_request', 'privacy_export', 'erasure_report', 'processing_restriction', 'disclosure'];
    const columns = collectDataMap().filter((c) => rightsTables.includes(c.table));
    expect(columns.length).toBeGreaterThan(20);
    expect(columns.filter((c) => /fee|pay|price|charge|amount|cost/i.test(c.column))).toEqual([]);
  });

  it('completes a request and tells the requester', async () => {
    const dpo = await newStaff(t, 'admin');
    const subject = await newSubject(t);
    const request = await openRequest(t.deps, subject.userId, 'rectification');
    expect((await dpo.browser.request('POST', `/api/staff/privacy-requests/${request.id}/complete`)).statusCode).toBe(204);
    const [row] = await t.deps.db.select().from(privacyRequest).where(eq(privacyRequest.id, request.id));
    expect(row.status).toBe('done');
    expect((await outboxFor(t, subject.visitor.email)).map((m) => m.subject)).toContain('Your privacy request is done');
  });

  it('refuses customers and support staff on every staff route (anonymous callers: every-route.test.ts)', async () => {
    const customer = await newSubject(t);
    const support = await newStaff(t, 'support');
    const admin = await newStaff(t, 'admin');
    const request = await openRequest(t.deps, customer.userId, 'access');
    const routes: Array<['GET' | 'POST', string, unknown]> = [
      ['GET', '/api/staff/privacy-requests', undefined],
      ['POST', `/api/staff/privacy-requests/${request.id}/extend`, { until: addMonths(request.dueAt, 1).toISOString(), reason: 'Because we can' }],
      ['POST', `/api/staff/privacy-requests/${request.id}/refuse`, { ground: 'repetitive', reason: 'Because we can' }],
      ['POST', `/api/staff/privacy-requests/${request.id}/complete`, undefined],
      [
        'POST',
        '/api/staff/disclosures',
        { userId: customer.userId, recipient: 'Police', legalBasis: 'Court order 1', categories: ['identity'], disclosedAt: new Date().toISOString() },
      ],
    ];
    for (const [method, url, body] of routes) {
      expect((await customer.browser.request(method, url, body)).statusCode, url).toBe(403);
      expect((await support.browser.request(method, url, body)).statusCode, url).toBe(403);
    }
    expect((await admin.browser.request('POST', '/api/staff/disclosures', routes[4][2])).statusCode).toBe(403);
    const [row] = await t.deps.db.select().from(privacyRequest).where(eq(privacyRequest.id, request.id));
    expect(row.status).toBe('verified');
  });
});
