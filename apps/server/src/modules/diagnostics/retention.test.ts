import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blob } from '../../platform/blobs/schema.ts';
import { DAY_MS } from '../../platform/clock.ts';
import type { TestApp } from '../../testing/harness.ts';
import { createOwnTestApp } from '../../testing/own-database.ts';
import { retentionReport } from '../privacy/retention/retention-report.ts';
import { retentionRule } from '../privacy/retention/rules.ts';
import { runRetention } from '../privacy/retention/run-retention.ts';
import { bundleOf, TROUBLED_LINUX } from './parse/test-reports.ts';
import { diagReport, diagUploadToken } from './schema.ts';
import { customer, department, supportRequestOf } from './test-kit.ts';

let t: TestApp;
beforeAll(async () => {
  // A database of its own: the sweep at day 91 would otherwise remove other tests' reports.
  t = await createOwnTestApp();
});
afterAll(() => t.close());

const RULE = 'uploaded-reports-90-days';

async function objectFiles(): Promise<string[]> {
  const root = join(t.deps.config.dataDir, 'blobs');
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => entry.name);
}

describe('report retention', () => {
  it('[GSI-4] keeps a report 89 days, and after 90 deletes its row, both blobs and their stored objects', async () => {
    const owner = await customer(t);
    const upload = await owner.upload([
      { name: 'confirm', value: 'yes' },
      { name: 'file', fileName: 'bundle.tar.gz', data: bundleOf(TROUBLED_LINUX) },
    ]);
    const { id } = upload.json();
    const [row] = await t.deps.db.select().from(diagReport).where(eq(diagReport.id, id));
    const blobIds = [row.fileBlobId, row.parsedBlobId as string];
    const blobCount = async () => (await t.deps.db.select({ n: count() }).from(blob).where(eq(blob.subjectId, owner.userId)))[0].n;
    expect(await blobCount()).toBe(2);
    expect((await objectFiles()).filter((name) => blobIds.includes(name))).toHaveLength(2);

    t.clock.advance(89 * DAY_MS);
    await runRetention(t.deps, retentionRule(RULE), {});
    expect((await owner.browser.request('GET', `/api/reports/${id}`)).statusCode).toBe(200);

    t.clock.advance(2 * DAY_MS);
    const status = (await retentionReport(t.deps)).find((entry) => entry.rule === RULE);
    expect(status?.due).toBeGreaterThanOrEqual(1);
    await runRetention(t.deps, retentionRule(RULE), {});
    expect(await t.deps.db.select().from(diagReport).where(eq(diagReport.id, id))).toEqual([]);
    expect(await blobCount()).toBe(0);
    expect((await objectFiles()).filter((name) => blobIds.includes(name))).toEqual([]);
    expect((await owner.browser.request('GET', `/api/reports/${id}`)).statusCode).toBe(404);
    await runRetention(t.deps, retentionRule(RULE), {});
  });

  it('[GSI-4] deletes upload tokens once they expire', async () => {
    const owner = await customer(t);
    const requestId = await supportRequestOf(t, owner.userId, await department(t));
    await owner.browser.request('POST', `/api/support/requests/${requestId}/upload-token`);
    const tokens = async () => (await t.deps.db.select({ n: count() }).from(diagUploadToken).where(eq(diagUploadToken.requestId, requestId)))[0].n;
    await runRetention(t.deps, retentionRule(RULE), {});
    expect(await tokens()).toBe(1);
    t.clock.advance(DAY_MS + 1);
    await runRetention(t.deps, retentionRule(RULE), {});
    expect(await tokens()).toBe(0);
  });
});
