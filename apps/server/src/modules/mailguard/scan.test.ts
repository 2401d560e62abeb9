import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DAY_MS } from '../../platform/clock.ts';
import { findAnywhere } from '../../testing/find-anywhere.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { setRestriction } from '../privacy/rights/restriction.ts';
import { connect, protectedCustomer, testProvider } from './mailguard-test-kit.ts';
import { runScans, THREAT_LABEL } from './run-scans.ts';
import { TEST_THREATS } from './scanner.ts';
import { mailConnection, mailThreat } from './schema.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
beforeEach(() => t.clock.set(new Date()));
afterAll(() => t.close());

const marker = () => `private-words-${randomBytes(6).toString('hex')}`;
const threatsOf = (connectionId: string) => t.deps.db.select().from(mailThreat).where(eq(mailThreat.connectionId, connectionId));
const folderOf = (address: string, id: string) =>
  testProvider(t)
    .mailbox(address)
    .find((item) => item.id === id);

describe('scanning (MAIL-2)', () => {
  it('[MAIL-2] scans what arrives by the settings, quarantines threats, and stores no message, file or link it saw', async () => {
    const owner = await protectedCustomer(t);
    const { id, address } = await connect(t, owner, owner.licenseId);
    const provider = testProvider(t);
    const secrets = [marker(), marker(), marker(), marker()];
    const clean = provider.deliver(address, { text: `Dear customer, ${secrets[0]}` });
    const virus = provider.deliver(address, { text: `${secrets[1]} ${TEST_THREATS.eicar}` });
    const phishing = provider.deliver(address, { text: `${secrets[2]} please sign in at ${TEST_THREATS.phishingUrl}` });
    const attachment = provider.deliver(address, { text: secrets[3], files: [{ name: 'invoice.pdf', content: Buffer.from(`%PDF ${TEST_THREATS.eicar}`) }] });

    expect(await runScans(t.deps)).toBe(4);
    expect(folderOf(address, clean)?.folder).toBe('inbox');
    for (const item of [virus, phishing, attachment]) expect(folderOf(address, item)?.folder).toBe('quarantine');
    const threats = await threatsOf(id);
    expect(threats.map((th) => [th.itemRef, th.verdict, th.actionTaken]).sort()).toEqual(
      [
        [virus, 'EICAR-Test-File', 'quarantine'],
        [phishing, 'Phishing-Link', 'quarantine'],
        [attachment, 'EICAR-Test-File', 'quarantine'],
      ].sort(),
    );
    expect(await findAnywhere(t.deps.pool, [...secrets, TEST_THREATS.phishingUrl, 'EICAR-STANDARD', 'invoice.pdf', 'Dear customer'])).toEqual([]);

    const overview = (await owner.browser.request('GET', '/api/mail-protection')).json();
    expect(overview.licenses[0].connections[0].last30Days).toEqual({ scanned: 4, threats: 3 });
    expect(await runScans(t.deps)).toBe(0);
  });

  it('[MAIL-2] follows the settings: no attachment or link scanning when switched off, tagging instead of quarantine, nothing while paused', async () => {
    const owner = await protectedCustomer(t);
    const { id, address } = await connect(t, owner, owner.licenseId);
    await owner.browser.request('PATCH', `/api/mail-protection/connections/${id}`, { scanAttachments: false, scanLinks: false, action: 'tag', paused: false });
    const provider = testProvider(t);
    const attachment = provider.deliver(address, { files: [{ name: 'a.txt', content: Buffer.from(TEST_THREATS.eicar) }] });
    const link = provider.deliver(address, { text: TEST_THREATS.phishingUrl });
    const virus = provider.deliver(address, { text: TEST_THREATS.eicar });
    await runScans(t.deps);
    expect(folderOf(address, attachment)).toMatchObject({ folder: 'inbox', labels: [] });
    expect(folderOf(address, link)).toMatchObject({ folder: 'inbox', labels: [] });
    expect(folderOf(address, virus)).toMatchObject({ folder: 'inbox', labels: [THREAT_LABEL] });

    await owner.browser.request('PATCH', `/api/mail-protection/connections/${id}`, { scanAttachments: true, scanLinks: true, action: 'report', paused: true });
    provider.deliver(address, { text: TEST_THREATS.eicar });
    expect(await runScans(t.deps)).toBe(0);
    expect(await threatsOf(id)).toHaveLength(1);
  });

  it('stops when the license has ended, and asks for a new connection when the provider no longer honours the grant', async () => {
    const owner = await protectedCustomer(t);
    const { id, address } = await connect(t, owner, owner.licenseId);
    const provider = testProvider(t);
    provider.deliver(address, { text: 'hello' });
    t.clock.advance(366 * DAY_MS);
    expect(await runScans(t.deps)).toBe(0);

    t.clock.set(new Date());
    for (const token of provider.grantedTokens(address)) await provider.revoke(token);
    expect(await runScans(t.deps)).toBe(0);
    const [connection] = await t.deps.db.select().from(mailConnection).where(eq(mailConnection.id, id));
    expect(connection.status).toBe('reconnect-needed');
    // Pausing and resuming does not make it look usable again; only connecting anew does.
    const settings = { scanAttachments: true, scanLinks: true, action: 'quarantine' };
    await owner.browser.request('PATCH', `/api/mail-protection/connections/${id}`, { ...settings, paused: true });
    expect((await owner.browser.request('PATCH', `/api/mail-protection/connections/${id}`, { ...settings, paused: false })).json().status).toBe(
      'reconnect-needed',
    );
  });

  it('[RIGHT-6] does not scan the mailbox of a restricted owner, and resumes when the restriction is lifted', async () => {
    const owner = await protectedCustomer(t);
    const { address } = await connect(t, owner, owner.licenseId);
    testProvider(t).deliver(address, { text: 'while restricted' });
    await setRestriction(t.deps, owner.userId, true);
    expect(await runScans(t.deps)).toBe(0);
    await setRestriction(t.deps, owner.userId, false);
    expect(await runScans(t.deps)).toBe(1);
  });
});
