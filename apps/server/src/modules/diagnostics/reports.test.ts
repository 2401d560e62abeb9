import { randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blob } from '../../platform/blobs/schema.ts';
import { client } from '../../testing/accounts-client.ts';
import { createTestApp, newVisitor, type TestApp } from '../../testing/harness.ts';
import { bundleOf, TROUBLED_LINUX } from './parse/test-reports.ts';
import { MAX_REPORTS_PER_ACCOUNT } from './report-blobs.ts';
import { diagReport } from './schema.ts';
import { acceptSupportTerms, customer, department, supportRequestOf } from './test-kit.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const bundle = bundleOf(TROUBLED_LINUX);
const confirmed = (data = bundle) => [
  { name: 'confirm', value: 'yes' },
  { name: 'file', fileName: 'steward-diag-1.tar.gz', data },
];
const stored = async (userId: string) => ({
  reports: (await t.deps.db.select({ n: count() }).from(diagReport).where(eq(diagReport.userId, userId)))[0].n,
  blobs: (await t.deps.db.select({ n: count() }).from(blob).where(eq(blob.subjectId, userId)))[0].n,
});

describe('report upload', () => {
  it('[GSI-1] [GSI-2] parses an upload of a signed-in customer into sections and findings', async () => {
    const owner = await customer(t);
    const response = await owner.upload(confirmed());
    expect(response.statusCode).toBe(201);
    const view = response.json();
    expect(view).toMatchObject({ source: 'upload', status: 'parsed', requestId: null, fileName: 'steward-diag-1.tar.gz', size: bundle.length });
    expect(view.findings.map((finding: { code: string }) => finding.code)).toContain('hosts-redirects-vendor');
    expect(view.sections.map((section: { id: string }) => section.id)).toContain('hosts');
    expect(new Date(view.expiresAt).getTime() - new Date(view.createdAt).getTime()).toBe(90 * 24 * 60 * 60 * 1000);
    expect(await stored(owner.userId)).toEqual({ reports: 1, blobs: 2 });
  });

  it('[GSI-1] refuses anonymous callers on every report route', async () => {
    const anonymous = client(t, newVisitor());
    const id = randomUUID();
    for (const [method, url] of [
      ['POST', '/api/reports'],
      ['GET', '/api/reports'],
      ['GET', `/api/reports/${id}`],
      ['GET', `/api/reports/${id}/file`],
      ['DELETE', `/api/reports/${id}`],
      ['POST', `/api/support/requests/${id}/upload-token`],
    ] as const) {
      expect((await anonymous.request(method, url, method === 'POST' ? {} : undefined)).statusCode, `${method} ${url}`).toBe(401);
    }
  });

  it('[GSI-3] refuses an upload without the confirmation before the file, naming confirm, and stores nothing', async () => {
    const owner = await customer(t);
    const attempts = [
      [{ name: 'file', fileName: 'a.tar.gz', data: bundle }],
      [
        { name: 'file', fileName: 'a.tar.gz', data: bundle },
        { name: 'confirm', value: 'yes' },
      ],
      [
        { name: 'confirm', value: 'no' },
        { name: 'file', fileName: 'a.tar.gz', data: bundle },
      ],
    ];
    for (const parts of attempts) {
      const response = await owner.upload(parts);
      expect(response.statusCode).toBe(400);
      expect(response.json().errors[0].field).toBe('confirm');
    }
    expect(await stored(owner.userId)).toEqual({ reports: 0, blobs: 0 });
  });

  it('[GSI-3] records what the uploader confirmed', async () => {
    const owner = await customer(t);
    const { id } = (await owner.upload(confirmed())).json();
    const [row] = await t.deps.db.select().from(diagReport).where(eq(diagReport.id, id));
    expect(row.confirmation).toMatch(/^web: .*theirs.*nothing confidential/);
    expect(row.confirmedAt.getTime()).toBe(t.clock.now().getTime());
  });

  it('[GSI-2] answers an unreadable upload with the reason and stores nothing', async () => {
    const owner = await customer(t);
    const broken = Buffer.from(bundle);
    broken[broken.length - 12] ^= 0xff;
    for (const data of [Buffer.from('not a bundle'), broken]) {
      const response = await owner.upload(confirmed(data));
      expect(response.statusCode).toBe(400);
      expect(response.json().errors[0].field).toBe('file');
      expect(response.json().detail).toContain('cannot be read');
    }
    const json = await owner.browser.request('POST', '/api/reports', { confirm: 'yes' });
    expect(json.statusCode).toBe(400);
    expect(await stored(owner.userId)).toEqual({ reports: 0, blobs: 0 });
  });

  it('links a report to my own request only, once the support terms are accepted', async () => {
    const owner = await customer(t);
    const other = await customer(t);
    const dept = await department(t);
    const mine = await supportRequestOf(t, owner.userId, dept);
    const theirs = await supportRequestOf(t, other.userId, dept);
    const withRequest = (requestId: string) => [{ name: 'confirm', value: 'yes' }, { name: 'requestId', value: requestId }, confirmed()[1]];
    expect((await owner.upload(withRequest(theirs))).statusCode).toBe(404);
    const noTerms = await owner.upload(withRequest(mine));
    expect([noTerms.statusCode, noTerms.json().code]).toEqual([409, 'terms-not-accepted']);
    expect(await stored(owner.userId)).toEqual({ reports: 0, blobs: 0 });
    await acceptSupportTerms(t, owner.userId);
    const linked = await owner.upload(withRequest(mine));
    expect([linked.statusCode, linked.json().requestId]).toEqual([201, mine]);
  });

  it('lets the owner list, view, download and delete a report; another user gets 404', async () => {
    const owner = await customer(t);
    const intruder = await customer(t);
    const { id } = (await owner.upload(confirmed())).json();
    const list = (await owner.browser.request('GET', '/api/reports')).json();
    expect(list).toEqual([
      expect.objectContaining({ id, fileName: 'steward-diag-1.tar.gz', findings: expect.arrayContaining([{ code: 'disk-nearly-full', severity: 'warning' }]) }),
    ]);
    expect(list[0].sections).toBeUndefined();
    const view = (await owner.browser.request('GET', `/api/reports/${id}`)).json();
    expect(view.findings[0]).toEqual(expect.objectContaining({ title: expect.any(String), detail: expect.any(String) }));
    const file = await owner.browser.request('GET', `/api/reports/${id}/file`);
    expect(file.rawPayload.equals(bundle)).toBe(true);
    expect(file.headers['content-disposition']).toContain('steward-diag-1.tar.gz');

    for (const [method, url] of [
      ['GET', `/api/reports/${id}`],
      ['GET', `/api/reports/${id}/file`],
      ['DELETE', `/api/reports/${id}`],
    ] as const) {
      expect((await intruder.browser.request(method, url)).statusCode, `${method} ${url}`).toBe(404);
    }
    expect((await intruder.browser.request('GET', '/api/reports')).json()).toEqual([]);

    expect((await owner.browser.request('DELETE', `/api/reports/${id}`)).statusCode).toBe(204);
    expect((await owner.browser.request('GET', `/api/reports/${id}`)).statusCode).toBe(404);
    expect(await stored(owner.userId)).toEqual({ reports: 0, blobs: 0 });
  });

  it(`holds at most ${MAX_REPORTS_PER_ACCOUNT} reports per account`, async () => {
    const owner = await customer(t);
    const now = t.clock.now();
    await t.deps.db.insert(diagReport).values(
      Array.from({ length: MAX_REPORTS_PER_ACCOUNT }, () => ({
        userId: owner.userId,
        source: 'upload' as const,
        status: 'parsed' as const,
        fileBlobId: randomUUID(),
        size: 1,
        sha256: '0'.repeat(64),
        findings: [],
        confirmation: 'test',
        confirmedAt: now,
        createdAt: now,
        expiresAt: now,
      })),
    );
    const response = await owner.upload(confirmed());
    expect([response.statusCode, response.json().code]).toEqual([409, 'too-many-reports']);
    expect((await stored(owner.userId)).blobs).toBe(0);
  });
});

describe('upload tokens', () => {
  it('[DIAG-4] are given to the owner of the request only, at most five live at once', async () => {
    const owner = await customer(t);
    const other = await customer(t);
    const request = await supportRequestOf(t, owner.userId, await department(t));
    expect((await other.browser.request('POST', `/api/support/requests/${request}/upload-token`)).statusCode).toBe(404);
    const first = await owner.browser.request('POST', `/api/support/requests/${request}/upload-token`);
    expect(first.statusCode).toBe(201);
    const { token, expiresAt, command } = first.json();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(new Date(expiresAt).getTime() - t.clock.now().getTime()).toBe(24 * 60 * 60 * 1000);
    expect(command).toBe(`steward-diag send --request ${request} --token ${token} --server ${t.deps.config.baseUrl}`);
    for (let i = 0; i < 4; i++) expect((await owner.browser.request('POST', `/api/support/requests/${request}/upload-token`)).statusCode).toBe(201);
    expect((await owner.browser.request('POST', `/api/support/requests/${request}/upload-token`)).statusCode).toBe(409);
  });
});
