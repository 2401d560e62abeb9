import { readFileSync } from 'node:fs';
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../platform/audit/schema.ts';
import { client, staffClient } from '../../testing/accounts-client.ts';
import { createTestApp, newVisitor, type TestApp } from '../../testing/harness.ts';
import { agentOf, department, leftovers, makeZip, openedRequest, storedObjects, upload } from './attachment-test-kit.ts';
import { addAgent } from './departments.ts';
import { supportAttachment, supportTermsAcceptance } from './schema.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const MB = 1024 * 1024;
const MARKER = 'PLAINTEXT-MARKER-of-a-customer-log;';

async function customer() {
  const browser = await client(t, newVisitor()).register();
  const userId: string = (await browser.request('GET', '/api/account')).json().id;
  return { browser, userId };
}

async function accept(browser: Awaited<ReturnType<typeof customer>>['browser']) {
  const terms = (await browser.request('GET', '/api/support/terms')).json();
  return browser.request('POST', '/api/support/terms/acceptance', { version: terms.version });
}

/** A customer with an open request and the terms accepted. */
async function readyCustomer() {
  const owner = await customer();
  const request = await openedRequest(owner.browser);
  expect((await accept(owner.browser)).statusCode).toBe(201);
  return { ...owner, request };
}

async function expectNothingLeft(userId: string, requestId: string, objectsBefore: string[]) {
  const left = await leftovers(t, userId, requestId);
  expect(left.blobs).toBe(0);
  expect(left.attachments).toBe(0);
  expect(left.objects).toEqual(objectsBefore);
}

describe('data-provisioning terms', () => {
  it('[SUP-2] refuses an upload before the terms are accepted, storing nothing', async () => {
    const owner = await customer();
    const request = await openedRequest(owner.browser);
    const before = storedObjects(t);
    const terms = (await owner.browser.request('GET', '/api/support/terms')).json();
    expect(terms).toMatchObject({ accepted: false, acceptedAt: null });
    expect(terms.text.length).toBeGreaterThan(50);

    const refused = await upload(t, owner.browser.cookie, request.id, { fileName: 'scan.log', data: 'log line\n' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('terms-not-accepted');
    await expectNothingLeft(owner.userId, request.id, before);
  });

  it('[SUP-2] records the acceptance with the version, the time and the source', async () => {
    const owner = await customer();
    const terms = (await owner.browser.request('GET', '/api/support/terms')).json();
    const outdated = await owner.browser.request('POST', '/api/support/terms/acceptance', { version: 'an-old-version' });
    expect(outdated.statusCode).toBe(409);
    const accepted = await owner.browser.request('POST', '/api/support/terms/acceptance', { version: terms.version });
    expect(accepted.statusCode).toBe(201);
    expect(accepted.json()).toEqual({ accepted: true });
    const [row] = await t.deps.db.select().from(supportTermsAcceptance).where(eq(supportTermsAcceptance.userId, owner.userId));
    expect(row).toMatchObject({ version: terms.version, source: 'web', acceptedAt: t.clock.now() });
    expect((await owner.browser.request('GET', '/api/support/terms')).json()).toMatchObject({ accepted: true, acceptedAt: t.clock.now().toISOString() });
  });
});

describe('attachments', () => {
  it('[SUP-2] stores an accepted upload encrypted, records the terms version, and downloads the same bytes', async () => {
    const { browser, userId, request } = await readyCustomer();
    const content = Buffer.from(`${MARKER}\n`.repeat(2000));
    const created = await upload(t, browser.cookie, request.id, { fileName: 'scan report.log', data: content });
    expect(created.statusCode).toBe(201);
    const view = created.json();
    expect(view).toMatchObject({ fileName: 'scan report.log', size: content.length, contentType: 'text/plain' });

    const [row] = await t.deps.db.select().from(supportAttachment).where(eq(supportAttachment.id, view.id));
    const terms = (await browser.request('GET', '/api/support/terms')).json();
    expect(row).toMatchObject({ requestId: request.id, userId, termsVersion: terms.version });

    expect((await browser.request('GET', `/api/support/requests/${request.id}/attachments`)).json()).toEqual([view]);
    const download = await browser.request('GET', `/api/support/requests/${request.id}/attachments/${view.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(content)).toBe(true);
    expect(download.headers['content-disposition']).toContain('attachment;');

    for (const path of storedObjects(t)) expect(readFileSync(path).includes(MARKER.slice(0, 20)), path).toBe(false);
  });

  it('[SUP-2] refuses a zip bomb and leaves no blob, object or record behind', async () => {
    const { browser, userId, request } = await readyCustomer();
    const before = storedObjects(t);
    const bomb = makeZip([{ name: 'zeros.bin', data: Buffer.alloc(50 * MB) }]);
    const refused = await upload(t, browser.cookie, request.id, { fileName: 'logs.zip', data: bomb });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0].field).toBe('file');
    expect(refused.json().detail).toMatch(/archive bomb/);
    await expectNothingLeft(userId, request.id, before);
  });

  it('[SUP-2] refuses path traversal in zip entries and in the file name', async () => {
    const { browser, userId, request } = await readyCustomer();
    const before = storedObjects(t);
    const traversal = makeZip([{ name: '../../../etc/cron.d/job', data: Buffer.from('* * * * * root sh') }]);
    const inZip = await upload(t, browser.cookie, request.id, { fileName: 'logs.zip', data: traversal });
    expect(inZip.statusCode).toBe(400);
    expect(inZip.json().detail).toMatch(/climbs out/);
    for (const fileName of ['../../etc/passwd.txt', 'logs/scan.log']) {
      const inName = await upload(t, browser.cookie, request.id, { fileName, data: 'x\n' });
      expect(inName.statusCode, fileName).toBe(400);
      expect(inName.json().errors[0].field).toBe('file');
    }
    await expectNothingLeft(userId, request.id, before);
  });

  it('[SUP-2] refuses a file over 10 MB with 413 and content of the wrong type with 400, leaving nothing', async () => {
    const { browser, userId, request } = await readyCustomer();
    const before = storedObjects(t);
    const oversized = await upload(t, browser.cookie, request.id, { fileName: 'big.log', data: Buffer.alloc(10 * MB + 1, 'a') });
    expect(oversized.statusCode).toBe(413);
    const disguised = await upload(t, browser.cookie, request.id, { fileName: 'photo.png', data: Buffer.from('MZ\x90\x00 an executable') });
    expect(disguised.statusCode).toBe(400);
    expect(disguised.json().detail).toMatch(/another type/);
    const notAllowed = await upload(t, browser.cookie, request.id, { fileName: 'setup.exe', data: 'MZ' });
    expect(notAllowed.statusCode).toBe(400);
    const otherField = await upload(t, browser.cookie, request.id, { name: 'attachment', fileName: 'scan.log', data: 'x\n' });
    expect(otherField.json().errors[0].field).toBe('file');
    const notMultipart = await browser.request('POST', `/api/support/requests/${request.id}/attachments`, { file: 'scan.log' });
    expect(notMultipart.statusCode).toBe(400);
    expect(notMultipart.json().errors[0].field).toBe('file');
    await expectNothingLeft(userId, request.id, before);
  });

  it('[SUP-2] accepts ten files per request and refuses the eleventh; a closed request takes none', async () => {
    const { browser, request } = await readyCustomer();
    for (let i = 0; i < 10; i++) expect((await upload(t, browser.cookie, request.id, { fileName: `part-${i}.txt`, data: `part ${i}\n` })).statusCode).toBe(201);
    const eleventh = await upload(t, browser.cookie, request.id, { fileName: 'part-10.txt', data: 'one too many\n' });
    expect(eleventh.statusCode).toBe(409);
    expect(eleventh.json().code).toBe('too-many-attachments');

    const listed = (await browser.request('GET', `/api/support/requests/${request.id}/attachments`)).json();
    expect(listed).toHaveLength(10);
    expect((await browser.request('DELETE', `/api/support/requests/${request.id}/attachments/${listed[0].id}`)).statusCode).toBe(204);
    expect((await browser.request('GET', `/api/support/requests/${request.id}/attachments/${listed[0].id}`)).statusCode).toBe(404);
    expect((await browser.request('POST', `/api/support/requests/${request.id}/close`)).statusCode).toBe(200);
    const closed = await upload(t, browser.cookie, request.id, { fileName: 'late.txt', data: 'late\n' });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().code).toBe('request-closed');
  });

  it("[SUP-2] refuses another customer's request (404) and an anonymous caller (401) on every route", async () => {
    const { browser, request } = await readyCustomer();
    const file = (await upload(t, browser.cookie, request.id, { fileName: 'mine.txt', data: 'mine\n' })).json();
    const intruder = await customer();
    await accept(intruder.browser);
    const paths = [`/api/support/requests/${request.id}/attachments`, `/api/support/requests/${request.id}/attachments/${file.id}`];
    expect((await upload(t, intruder.browser.cookie, request.id, { fileName: 'theirs.txt', data: 'x\n' })).statusCode).toBe(404);
    expect((await intruder.browser.request('GET', paths[0])).statusCode).toBe(404);
    expect((await intruder.browser.request('GET', paths[1])).statusCode).toBe(404);
    expect((await intruder.browser.request('DELETE', paths[1])).statusCode).toBe(404);

    const anonymous = client(t, newVisitor());
    expect((await upload(t, '', request.id, { fileName: 'x.txt', data: 'x\n' })).statusCode).toBe(401);
    for (const path of paths) expect((await anonymous.request('GET', path)).statusCode, path).toBe(401);
    expect((await anonymous.request('DELETE', paths[1])).statusCode).toBe(401);
    expect((await anonymous.request('GET', '/api/support/terms')).statusCode).toBe(401);
    expect((await browser.request('GET', paths[0])).json()).toHaveLength(1);
  });
});

describe('staff access to attachments', () => {
  it('[SUP-2] [SUP-6] lets the handling agent list and download, audited; other departments get 404, other roles 403', async () => {
    const { browser, userId, request } = await readyCustomer();
    const content = Buffer.from('crash dump\n');
    const file = (await upload(t, browser.cookie, request.id, { fileName: 'crash.txt', data: content })).json();
    const paths = [`/api/staff/support/requests/${request.id}/attachments`, `/api/staff/support/requests/${request.id}/attachments/${file.id}`];

    const handler = await staffClient(t, 'support');
    const handlerId: string = (await handler.request('GET', '/api/account')).json().id;
    await addAgent(t.deps, request.departmentCode, handlerId);
    const elsewhere = await staffClient(t, 'support');
    const elsewhereId: string = (await elsewhere.request('GET', '/api/account')).json().id;
    await agentOf(t, (await department(t)).id, elsewhereId);
    const dpo = await staffClient(t, 'dpo');

    for (const path of paths) {
      expect((await elsewhere.request('GET', path)).statusCode, path).toBe(404);
      expect((await dpo.request('GET', path)).statusCode, path).toBe(403);
      expect((await browser.request('GET', path)).statusCode, path).toBe(403);
    }

    const listed = await handler.request('GET', `${paths[0]}?reason=${encodeURIComponent('Check the crash dump')}`);
    expect(listed.json()).toEqual([file]);
    const download = await handler.request('GET', paths[1]);
    expect(download.rawPayload.equals(content)).toBe(true);

    const entries = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorId, handlerId), eq(auditLog.subjectUserId, userId)))
      .orderBy(desc(auditLog.seq));
    expect(entries.map((e) => e.action)).toEqual(['support.attachment.download', 'support.attachment.list']);
    expect(entries[0].details).toEqual({ requestId: request.id, attachmentId: file.id });
    expect(entries[1]).toMatchObject({ reason: 'Check the crash dump', details: { requestId: request.id } });
    const refusedReads = await t.deps.db.select().from(auditLog).where(eq(auditLog.actorId, elsewhereId));
    expect(refusedReads).toEqual([]);
  });
});
