import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DAY_MS } from '../../platform/clock.ts';
import { outboxFor } from '../../testing/accounts-client.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { company, person } from '../orgs/company-test-kit.ts';
import { setRestriction } from '../privacy/rights/restriction.ts';
import { sendContractReminders } from './send-contract-reminders.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
beforeEach(() => t.clock.set(new Date()));
afterAll(() => t.close());

const URL = '/api/companies/current/support-contracts';

async function bought(named: (acme: Awaited<ReturnType<typeof company>>) => string[], members = 2) {
  const acme = await company(t, members);
  const now = t.clock.now();
  const contract = {
    product: 'Total Security',
    level: 'premium',
    startsAt: now.toISOString(),
    endsAt: new Date(now.getTime() + 60 * DAY_MS).toISOString(),
    authorised: named(acme),
  };
  const response = await acme.admin.browser.request('POST', URL, contract);
  return { acme, response, endsAt: new Date(contract.endsAt) };
}

const reminders = async (email: string) => (await outboxFor(t, email)).filter((m) => m.subject.endsWith('support contract ends soon'));

describe('support contracts', () => {
  it('[ORG-5] only the employees named when it was bought see the contract, administrators included', async () => {
    const { acme, response } = await bought((a) => [a.colleagues[0].userId]);
    expect(response.statusCode).toBe(201);
    const [named, other] = acme.colleagues;
    expect((await named.browser.request('GET', URL)).json().map((c: { id: string }) => c.id)).toEqual([response.json().id]);
    expect((await other.browser.request('GET', URL)).json()).toEqual([]);
    expect((await acme.admin.browser.request('GET', URL)).json()).toEqual([]);
  });

  it('[ORG-5] names only members of the company, and only an administrator records a contract', async () => {
    const outsider = await person(t);
    const { acme, response } = await bought(() => [outsider.userId]);
    expect(response.statusCode).toBe(400);
    const byMember = await acme.colleagues[0].browser.request('POST', URL, {
      product: 'Total Security',
      level: 'standard',
      startsAt: '2026-01-01T00:00:00Z',
      endsAt: '2027-01-01T00:00:00Z',
      authorised: [acme.colleagues[0].userId],
    });
    expect(byMember.statusCode).toBe(403);
    expect((await outsider.browser.request('GET', URL)).statusCode).toBe(404);
  });

  it('[ORG-5] the named employees are emailed 30 and 7 days before it ends, once each, never a restricted account', async () => {
    const { acme, endsAt } = await bought((a) => [a.colleagues[0].userId, a.colleagues[1].userId]);
    const [ann, bob] = acme.colleagues;
    await setRestriction(t.deps, bob.userId, true);

    t.clock.set(new Date(endsAt.getTime() - 30 * DAY_MS + 60_000));
    await sendContractReminders(t.deps);
    await sendContractReminders(t.deps);
    expect(await reminders(ann.visitor.email)).toHaveLength(1);
    t.clock.set(new Date(endsAt.getTime() - 7 * DAY_MS + 60_000));
    await sendContractReminders(t.deps);
    await sendContractReminders(t.deps);
    expect(await reminders(ann.visitor.email)).toHaveLength(2);
    expect(await reminders(bob.visitor.email)).toHaveLength(0);
    expect(await reminders(acme.admin.visitor.email)).toHaveLength(0);
  });
});
