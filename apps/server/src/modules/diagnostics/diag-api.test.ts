import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sendBundle } from '@steward/diag';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blob } from '../../platform/blobs/schema.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { bundleOf, TROUBLED_LINUX } from './parse/test-reports.ts';
import { diagReport } from './schema.ts';
import { acceptSupportTerms, type Customer, customer, department, supportRequestOf } from './test-kit.ts';

let t: TestApp;
let base: string;
beforeAll(async () => {
  t = await createTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
});
afterAll(() => t.close());

const bundle = bundleOf(TROUBLED_LINUX);
const sha256 = createHash('sha256').update(bundle).digest('hex');
const quietIo = { write: () => {}, interactive: false, ask: async () => '' };

async function tokenFor(owner: Customer, requestId: string): Promise<string> {
  return (await owner.browser.request('POST', `/api/support/requests/${requestId}/upload-token`)).json().token;
}

function post(headers: Record<string, string>, body: Buffer = bundle) {
  return t.app.inject({ method: 'POST', url: '/api/v1/diag/bundles', headers: { 'content-type': 'application/gzip', ...headers }, payload: body });
}

const stored = async (userId: string) => ({
  reports: (await t.deps.db.select({ n: count() }).from(diagReport).where(eq(diagReport.userId, userId)))[0].n,
  blobs: (await t.deps.db.select({ n: count() }).from(blob).where(eq(blob.subjectId, userId)))[0].n,
});

describe('steward-diag bundle endpoint', () => {
  it('[DIAG-4] steward-diag send reaches the real server: the report is linked to the request with the consent and hash', async () => {
    const owner = await customer(t);
    const requestId = await supportRequestOf(t, owner.userId, await department(t));
    await acceptSupportTerms(t, owner.userId);
    const dir = await mkdtemp(join(tmpdir(), 'diag-e2e-'));
    const file = join(dir, 'bundle.tar.gz');
    await writeFile(file, bundle, { mode: 0o600 });

    const sent = await sendBundle({ bundle: file, request: requestId, token: await tokenFor(owner, requestId), server: base, yes: true }, quietIo).finally(() =>
      rm(dir, { recursive: true, force: true }),
    );
    expect(sent.sha256).toBe(sha256);

    const [row] = await t.deps.db.select().from(diagReport).where(eq(diagReport.id, sent.reportId));
    expect(row).toMatchObject({ requestId, userId: owner.userId, source: 'steward-diag', sha256 });
    expect(row.confirmation).toMatch(new RegExp(`^steward-diag consent at \\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z for sha256 ${sha256}$`));
    const view = (await owner.browser.request('GET', `/api/reports/${sent.reportId}`)).json();
    expect(view.findings.map((finding: { code: string }) => finding.code)).toContain('hosts-redirects-vendor');
    expect((await owner.browser.request('GET', `/api/reports/${sent.reportId}/file`)).rawPayload.equals(bundle)).toBe(true);
  });

  it('[DIAG-4] checks the headers before the token: each missing or malformed one is a 400 naming it', async () => {
    const consent = new Date().toISOString();
    const cases: Array<[Record<string, string>, string]> = [
      [{ 'x-steward-consent': consent }, 'x-bundle-sha256'],
      [{ 'x-bundle-sha256': 'abc', 'x-steward-consent': consent }, 'x-bundle-sha256'],
      [{ 'x-bundle-sha256': sha256 }, 'x-steward-consent'],
      [{ 'x-bundle-sha256': sha256, 'x-steward-consent': 'yesterday' }, 'x-steward-consent'],
    ];
    for (const [headers, field] of cases) {
      const response = await post(headers);
      expect(response.statusCode, field).toBe(400);
      expect(response.json().errors[0].field).toBe(field);
    }
    const noToken = await post({ 'x-bundle-sha256': sha256, 'x-steward-consent': consent });
    expect(noToken.statusCode).toBe(401);
    const badToken = await post({ authorization: `Bearer ${'x'.repeat(43)}`, 'x-bundle-sha256': sha256, 'x-steward-consent': consent });
    expect([badToken.statusCode, badToken.json().code]).toEqual([401, 'invalid-upload-token']);
  });

  it('[DIAG-4] stores nothing when the bytes do not match the consented sha256, or the terms are not accepted', async () => {
    const owner = await customer(t);
    const requestId = await supportRequestOf(t, owner.userId, await department(t));
    const token = await tokenFor(owner, requestId);
    const headers = { authorization: `Bearer ${token}`, 'x-steward-consent': new Date().toISOString() };
    const noTerms = await post({ ...headers, 'x-bundle-sha256': sha256 });
    expect([noTerms.statusCode, noTerms.json().code]).toEqual([409, 'terms-not-accepted']);
    await acceptSupportTerms(t, owner.userId);
    const mismatch = await post({ ...headers, 'x-bundle-sha256': 'f'.repeat(64) });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json().errors[0].field).toBe('x-bundle-sha256');
    expect(await stored(owner.userId)).toEqual({ reports: 0, blobs: 0 });
    expect((await post({ ...headers, 'x-bundle-sha256': sha256 })).statusCode).toBe(201);
  });

  it('[DIAG-4] refuses an expired token', async () => {
    const owner = await customer(t);
    const requestId = await supportRequestOf(t, owner.userId, await department(t));
    await acceptSupportTerms(t, owner.userId);
    const token = await tokenFor(owner, requestId);
    t.clock.advance(24 * 60 * 60 * 1000 + 1);
    const response = await post({ authorization: `Bearer ${token}`, 'x-bundle-sha256': sha256, 'x-steward-consent': new Date().toISOString() });
    expect(response.statusCode).toBe(401);
  });
});
