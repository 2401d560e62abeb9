import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DAY_MS } from '../../platform/clock.ts';
import type { Mailer } from '../../platform/notify/mailer.ts';
import { outboxFor, staffClient } from '../../testing/accounts-client.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { customer } from '../licenses/test-kit.ts';
import { connect, protectedCustomer } from './mailguard-test-kit.ts';
import { listServiceNotices, sendServiceNotice, sendTrialNotices, TRIAL_NOTICE_DAYS } from './service-notices.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
beforeEach(() => t.clock.set(new Date()));
afterAll(() => t.close());

const mailsTo = async (email: string, subject: string) => (await outboxFor(t, email)).filter((m) => m.subject.includes(subject));

describe('service emails (MAIL-3)', () => {
  it('[MAIL-3] an outage or update notice from staff reaches every customer with a protected mailbox, once, and nobody else', async () => {
    const one = await protectedCustomer(t, 'mail-protection-1y-10');
    await connect(t, one, one.licenseId);
    await connect(t, one, one.licenseId);
    const unconnected = await protectedCustomer(t);
    const bystander = await customer(t);
    const admin = await staffClient(t, 'admin');
    const subject = `Scanning delayed ${Date.now()}`;
    const sent = await admin.request('POST', '/api/staff/mail-protection/notices', { kind: 'outage', subject, text: 'Scanning is delayed by about an hour.' });
    expect(sent.statusCode).toBe(201);
    expect(sent.json().recipients).toBeGreaterThanOrEqual(1);
    const mails = await mailsTo(one.visitor.email, subject);
    expect(mails).toHaveLength(1);
    expect(mails[0].body).toContain('Scanning is delayed by about an hour.');
    expect(await mailsTo(unconnected.visitor.email, subject)).toEqual([]);
    expect(await mailsTo(bystander.visitor.email, subject)).toEqual([]);
    expect((await admin.request('GET', '/api/staff/mail-protection/notices')).json()[0]).toMatchObject({ subject, kind: 'outage' });
  });

  it('[MAIL-3] a delivery the mail server cut short resumes without mailing anyone twice', async () => {
    const people = [await protectedCustomer(t), await protectedCustomer(t), await protectedCustomer(t)];
    for (const person of people) await connect(t, person, person.licenseId);
    let sends = 0;
    const flaky: Mailer = {
      transport: 'outbox',
      async send(mail) {
        sends += 1;
        if (sends === 2) throw new Error('connection reset by the mail server');
        await t.deps.mailer.send(mail);
      },
    };
    const subject = `Maintenance ${Date.now()}`;
    const failed = sendServiceNotice({ ...t.deps, mailer: flaky }, 'staff-user', { kind: 'update', subject, text: 'Maintenance tonight.' });
    await expect(failed).rejects.toMatchObject({ code: 'notice-partly-sent' });
    const [notice] = (await listServiceNotices(t.deps)).filter((n) => n.subject === subject);
    const admin = await staffClient(t, 'admin');
    const resumed = await admin.request('POST', `/api/staff/mail-protection/notices/${notice.id}/delivery`);
    expect(resumed.statusCode).toBe(200);
    expect(resumed.json().recipients).toBeGreaterThanOrEqual(3);
    for (const person of people) expect(await mailsTo(person.visitor.email, subject)).toHaveLength(1);
    expect((await admin.request('POST', `/api/staff/mail-protection/notices/${notice.id}/delivery`)).json().recipients).toBe(resumed.json().recipients);
    for (const person of people) expect(await mailsTo(person.visitor.email, subject)).toHaveLength(1);
  });

  it('[MAIL-3] only staff administrators send notices', async () => {
    const support = await staffClient(t, 'support');
    const body = { kind: 'update', subject: 'New engine', text: 'Version 2 of the engine scans faster.' };
    expect((await support.request('POST', '/api/staff/mail-protection/notices', body)).statusCode).toBe(403);
    const someone = await protectedCustomer(t);
    expect((await someone.browser.request('POST', '/api/staff/mail-protection/notices', body)).statusCode).toBe(403);
  });

  it(`[MAIL-3] tells a trial’s people ${TRIAL_NOTICE_DAYS} days before it ends that scanning stops then, once per trial`, async () => {
    const trial = await protectedCustomer(t, 'mail-protection-trial-30d');
    await connect(t, trial, trial.licenseId);
    const start = t.clock.now().getTime();
    t.clock.set(new Date(start + (30 - TRIAL_NOTICE_DAYS - 1) * DAY_MS));
    await sendTrialNotices(t.deps);
    expect(await mailsTo(trial.visitor.email, 'trial ends soon')).toEqual([]);
    t.clock.set(new Date(start + (30 - TRIAL_NOTICE_DAYS + 1) * DAY_MS));
    await sendTrialNotices(t.deps);
    await sendTrialNotices(t.deps);
    const mails = await mailsTo(trial.visitor.email, 'trial ends soon');
    expect(mails).toHaveLength(1);
    expect(mails[0].body).toContain('no longer scanned');
  });
});
