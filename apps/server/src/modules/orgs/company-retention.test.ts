import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY_MS } from '../../platform/clock.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { retentionRule } from '../privacy/retention/rules.ts';
import { runRetention } from '../privacy/retention/run-retention.ts';
import { company, person } from './company-test-kit.ts';
import { companyInvitation, companyNotice } from './schema.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const run = (rule: string) => runRetention(t.deps, retentionRule(rule));

describe('company retention', () => {
  it('deletes an invitation, with its address, once it has expired, and a join notice after 90 days', async () => {
    t.clock.set(new Date());
    const acme = await company(t, 1);
    const invitee = await person(t);
    const invitation = (await acme.admin.browser.request('POST', '/api/companies/current/invitations', { email: invitee.visitor.email })).json();
    const invitationRow = () => t.deps.db.select().from(companyInvitation).where(eq(companyInvitation.id, invitation.id));
    const notices = () => t.deps.db.select().from(companyNotice).where(eq(companyNotice.organizationId, acme.id));

    t.clock.advance(6 * DAY_MS);
    await run('company-invitation-expired');
    expect(await invitationRow()).toHaveLength(1);
    t.clock.advance(2 * DAY_MS);
    await run('company-invitation-expired');
    expect(await invitationRow()).toEqual([]);

    await run('company-notice-90-days');
    expect(await notices()).toHaveLength(1);
    t.clock.advance(83 * DAY_MS);
    await run('company-notice-90-days');
    expect(await notices()).toEqual([]);
  });
});
