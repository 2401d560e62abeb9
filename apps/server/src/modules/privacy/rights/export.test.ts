import { eq } from 'drizzle-orm';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DAY_MS } from '../../../platform/clock.ts';
import { isPersonal } from '../../../platform/datamap/annotate.ts';
import { collectDataMap } from '../../../platform/datamap/collect.ts';
import { createTestApp, type TestApp } from '../../../testing/harness.ts';
import type { ExportEntry } from './collect-subject-data.ts';
import { downloadExport } from './exports.ts';
import { runExport } from './run-export.ts';
import { disclosure, privacyExport } from './schema.ts';
import { blobStoreOf } from './subject-blobs.ts';
import { giveFile, newStaff, newSubject } from './test-subjects.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());
beforeEach(() => t.clock.set(new Date()));

type Subject = Awaited<ReturnType<typeof newSubject>>;

async function startExport(subject: Subject): Promise<string> {
  const started = await subject.browser.request('POST', '/api/privacy/exports');
  expect(started.statusCode).toBe(202);
  return started.json().requestId;
}

async function download(subject: Subject, requestId: string) {
  const response = await subject.browser.request('GET', `/api/privacy/exports/${requestId}/download`);
  return { response, files: response.statusCode === 200 ? unzipSync(new Uint8Array(response.rawPayload)) : {} };
}

const allowed = new Set(
  collectDataMap()
    .filter((c) => isPersonal(c.annotation) && c.annotation.exported && !c.annotation.secret)
    .map((c) => `${c.table}.${c.column}`),
);

describe('export of my data', () => {
  it('[RIGHT-1] builds a zip: one JSON and CSV per category from exported, non-secret columns only, a README, and my files decrypted', async () => {
    const subject = await newSubject(t);
    await subject.browser.request('PATCH', '/api/account', { name: 'Ada Exporter', country: 'DE' });
    await subject.browser.request('PUT', '/api/account/preferences', { news: true, surveys: false });
    for (const n of [1, 2, 3]) await giveFile(t, subject.userId, `note-${n}.txt`, `contents of file ${n}`);
    const requestId = await startExport(subject);
    expect((await subject.browser.request('GET', `/api/privacy/exports/${requestId}`)).json()).toMatchObject({ status: 'queued', progress: 0 });

    await runExport(t.deps, requestId);
    const status = (await subject.browser.request('GET', `/api/privacy/exports/${requestId}`)).json();
    expect(status).toMatchObject({ status: 'ready', progress: 100, downloadable: true });

    const { response, files } = await download(subject, requestId);
    expect(response.headers['content-type']).toBe('application/zip');
    const names = Object.keys(files);
    expect(names).toEqual(expect.arrayContaining(['README.txt', 'identity.json', 'identity.csv', 'contact.json', 'contact.csv', 'consent.json']));
    for (const name of names.filter((n) => n.endsWith('.json'))) expect(names).toContain(name.replace('.json', '.csv'));
    const identity = JSON.parse(strFromU8(files['identity.json'])) as ExportEntry[];
    expect(identity).toContainEqual(expect.objectContaining({ table: 'users', column: 'name', value: 'Ada Exporter', basis: 'contract' }));
    const contact = JSON.parse(strFromU8(files['contact.json'])) as ExportEntry[];
    expect(contact.map((e) => e.value)).toContain(subject.visitor.email);
    for (const name of names.filter((n) => n.endsWith('.json'))) {
      for (const entry of JSON.parse(strFromU8(files[name])) as ExportEntry[])
        expect(allowed.has(`${entry.table}.${entry.column}`), `${entry.table}.${entry.column}`).toBe(true);
    }
    expect(strFromU8(files['identity.csv'])).toContain('users,name,1,Ada Exporter');
    expect(strFromU8(files['README.txt'])).toContain('purpose');
    const attached = names.filter((n) => n.startsWith('files/')).sort();
    expect(attached).toHaveLength(3);
    expect(attached.map((n) => strFromU8(files[n])).sort()).toEqual(['contents of file 1', 'contents of file 2', 'contents of file 3']);
    expect(JSON.stringify(files)).not.toContain(subject.visitor.password);
  });

  it('[RIGHT-1] the download works once, only for its owner, and only within 24 hours', async () => {
    const subject = await newSubject(t);
    const other = await newSubject(t);
    const requestId = await startExport(subject);
    await runExport(t.deps, requestId);
    expect((await other.browser.request('GET', `/api/privacy/exports/${requestId}`)).statusCode).toBe(404);
    expect((await other.browser.request('GET', `/api/privacy/exports/${requestId}/download`)).statusCode).toBe(404);
    expect((await download(subject, requestId)).response.statusCode).toBe(200);
    const again = (await download(subject, requestId)).response;
    expect(again.statusCode).toBe(410);
    expect(again.json().code).toBe('export-gone');

    const late = await newSubject(t);
    const lateId = await startExport(late);
    await runExport(t.deps, lateId);
    t.clock.advance(DAY_MS + 60_000);
    await expect(downloadExport(t.deps, late.userId, lateId)).rejects.toMatchObject({ status: 410 });
  });

  it('[RIGHT-3] starting or downloading an export needs a fresh sign-in', async () => {
    const subject = await newSubject(t);
    const requestId = await startExport(subject);
    await runExport(t.deps, requestId);
    t.clock.advance(11 * 60 * 1000);
    for (const [method, url] of [
      ['POST', '/api/privacy/exports'],
      ['GET', `/api/privacy/exports/${requestId}/download`],
    ] as const) {
      const response = await subject.browser.request(method, url);
      expect(response.statusCode, url).toBe(403);
      expect(response.json().code).toBe('fresh-sign-in-required');
    }
  });

  it('[RIGHT-1] a crashed export resumes from its last finished step', async () => {
    const subject = await newSubject(t);
    for (const n of [1, 2, 3]) await giveFile(t, subject.userId, `doc-${n}.txt`, `resumable ${n}`);
    const requestId = await startExport(subject);
    const crash = new Error('simulated crash');
    await expect(
      runExport(t.deps, requestId, {
        afterStep: (step) => {
          if (step === 'collect') throw crash;
        },
      }),
    ).rejects.toBe(crash);
    const [afterCollect] = await t.deps.db.select().from(privacyExport).where(eq(privacyExport.requestId, requestId));
    expect(afterCollect).toMatchObject({ status: 'running', progress: 30 });
    const staged = afterCollect.parts.data;

    let files = 0;
    const seen: string[] = [];
    await expect(
      runExport(t.deps, requestId, {
        afterStep: async (step) => {
          const [row] = await t.deps.db.select().from(privacyExport).where(eq(privacyExport.requestId, requestId));
          seen.push(row.parts.data);
          if (step === 'file' && ++files === 2) throw crash;
        },
      }),
    ).rejects.toBe(crash);
    expect(seen.every((id) => id === staged)).toBe(true);
    const [midway] = await t.deps.db.select().from(privacyExport).where(eq(privacyExport.requestId, requestId));
    expect(midway.progress).toBeGreaterThan(30);
    expect(midway.progress).toBeLessThan(100);

    await runExport(t.deps, requestId);
    await runExport(t.deps, requestId);
    const { files: zip } = await download(subject, requestId);
    expect(Object.keys(zip).filter((n) => n.startsWith('files/'))).toHaveLength(3);
  });

  it('refuses a second export while one waits to be downloaded', async () => {
    const subject = await newSubject(t);
    await startExport(subject);
    const second = await subject.browser.request('POST', '/api/privacy/exports');
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('export-in-progress');
  });

  it('[PRIN-4] a disclosure is logged and shown in the export, unless the law keeps it secret until a later date', async () => {
    const dpo = await newStaff(t, 'dpo');
    const subject = await newSubject(t);
    const disclose = (recipient: string, secretUntil?: string) =>
      dpo.browser.request('POST', '/api/staff/disclosures', {
        userId: subject.userId,
        recipient,
        legalBasis: 'Court order 12/2026 under the code of criminal procedure',
        categories: ['identity', 'contact'],
        disclosedAt: new Date(t.clock.now().getTime() - 60_000).toISOString(),
        ...(secretUntil ? { secretUntil } : {}),
      });
    expect((await disclose('Federal Police')).statusCode).toBe(201);
    expect((await disclose('Secret Service', new Date(t.clock.now().getTime() + 90 * DAY_MS).toISOString())).statusCode).toBe(201);
    const future = await dpo.browser.request('POST', '/api/staff/disclosures', {
      userId: subject.userId,
      recipient: 'Tax office',
      legalBasis: 'Tax code',
      categories: ['financial'],
      disclosedAt: new Date(t.clock.now().getTime() + DAY_MS).toISOString(),
    });
    expect(future.json().errors[0].field).toBe('disclosedAt');

    const logged = await t.deps.db.select().from(disclosure).where(eq(disclosure.userId, subject.userId));
    expect(logged.map((d) => [d.recipient, d.recordedBy]).sort()).toEqual([
      ['Federal Police', dpo.userId],
      ['Secret Service', dpo.userId],
    ]);

    const requestId = await startExport(subject);
    await runExport(t.deps, requestId);
    const { files } = await download(subject, requestId);
    const text = Object.values(files)
      .map((f) => strFromU8(f))
      .join('\n');
    expect(text).toContain('Federal Police');
    expect(text).not.toContain('Secret Service');
  });

  it('an export of someone erased meanwhile fails for good instead of retrying', async () => {
    const subject = await newSubject(t);
    await giveFile(t, subject.userId, 'a.txt', 'a');
    const requestId = await startExport(subject);
    await blobStoreOf(t.deps).destroySubjectKey(subject.userId);
    await runExport(t.deps, requestId);
    const [row] = await t.deps.db.select().from(privacyExport).where(eq(privacyExport.requestId, requestId));
    expect(row.status).toBe('failed');
    const listed = (await subject.browser.request('GET', '/api/privacy/exports')).json().exports;
    expect(listed).toEqual([expect.objectContaining({ requestId, status: 'failed', downloadable: false })]);
  });
});
