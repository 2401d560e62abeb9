import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../platform/audit/schema.ts';
import { client, staffClient } from '../../testing/accounts-client.ts';
import { createTestApp, newVisitor, type TestApp } from '../../testing/harness.ts';
import { bundleOf, TROUBLED_LINUX } from './parse/test-reports.ts';
import { acceptSupportTerms, agentOf, customer, department, supportRequestOf } from './test-kit.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const reason = encodeURIComponent('customer asked for help with scans');

async function reportForRequest() {
  const owner = await customer(t);
  const dept = await department(t);
  const requestId = await supportRequestOf(t, owner.userId, dept);
  await acceptSupportTerms(t, owner.userId);
  const response = await owner.upload([
    { name: 'confirm', value: 'yes' },
    { name: 'requestId', value: requestId },
    { name: 'file', fileName: 'bundle.tar.gz', data: bundleOf(TROUBLED_LINUX) },
  ]);
  expect(response.statusCode).toBe(201);
  return { owner, dept, requestId, reportId: response.json().id as string };
}

describe('staff access to reports', () => {
  it('[DIAG-5] a handler of the request reads its reports, and every read is audited', async () => {
    const { owner, dept, requestId, reportId } = await reportForRequest();
    const agent = await agentOf(t, dept);

    const list = await agent.browser.request('GET', `/api/staff/support/requests/${requestId}/reports?reason=${reason}`);
    expect(list.statusCode).toBe(200);
    expect(list.json().map((item: { id: string }) => item.id)).toEqual([reportId]);
    const view = await agent.browser.request('GET', `/api/staff/reports/${reportId}?reason=${reason}`);
    expect(view.statusCode).toBe(200);
    expect(view.json().findings.length).toBeGreaterThan(0);

    const entries = await t.deps.db.select().from(auditLog).where(eq(auditLog.actorId, agent.userId)).orderBy(desc(auditLog.seq));
    expect(entries.map((entry) => [entry.action, entry.subjectUserId, entry.reason, entry.details])).toEqual([
      ['diagnostics.report.view', owner.userId, 'customer asked for help with scans', { reportId, requestId }],
      ['diagnostics.report.list', owner.userId, 'customer asked for help with scans', { reportId, requestId }],
    ]);
    expect((await agent.browser.request('GET', `/api/staff/reports/${reportId}`)).statusCode).toBe(400);
  });

  it('[DIAG-5] nobody else reads them: another customer, an agent of another department, a DPO, an admin who is no agent (404); anonymous 401', async () => {
    const { reportId, requestId } = await reportForRequest();
    const unlinked = await customer(t);
    const unlinkedReport = (
      await unlinked.upload([
        { name: 'confirm', value: 'yes' },
        { name: 'file', fileName: 'bundle.tar.gz', data: bundleOf(TROUBLED_LINUX) },
      ])
    ).json().id;
    const otherAgent = await agentOf(t, await department(t));
    const outsiders = [(await customer(t)).browser, otherAgent.browser, await staffClient(t, 'dpo'), await staffClient(t, 'admin')];
    for (const browser of outsiders) {
      for (const url of [`/api/staff/support/requests/${requestId}/reports`, `/api/staff/reports/${reportId}`, `/api/staff/reports/${unlinkedReport}`]) {
        expect((await browser.request('GET', `${url}?reason=${reason}`)).statusCode, url).toBe(404);
      }
    }
    const anonymous = client(t, newVisitor());
    expect((await anonymous.request('GET', `/api/staff/reports/${reportId}?reason=${reason}`)).statusCode).toBe(401);
    expect((await anonymous.request('GET', `/api/staff/support/requests/${requestId}/reports?reason=${reason}`)).statusCode).toBe(401);
  });
});
