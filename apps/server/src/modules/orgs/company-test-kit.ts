import { randomBytes } from 'node:crypto';
import { client } from '../../testing/accounts-client.ts';
import { newVisitor, type TestApp } from '../../testing/harness.ts';

/** Test helpers for company accounts: people at a domain, and companies with members. */

export const newDomain = () => `corp-${randomBytes(5).toString('hex')}.test`;

export async function person(t: TestApp, domain?: string) {
  const visitor = newVisitor();
  if (domain) visitor.email = visitor.email.replace(/@.*$/, `@${domain}`);
  const browser = await client(t, visitor).register();
  const userId: string = (await browser.request('GET', '/api/account')).json().id;
  return { browser, visitor, userId };
}

export type Person = Awaited<ReturnType<typeof person>>;

/** A company registered by its administrator, with a verified domain and `members` colleagues who joined by it. */
export async function company(t: TestApp, members = 1) {
  const domain = newDomain();
  const admin = await person(t, domain);
  const registered = await admin.browser.request('POST', '/api/companies', { name: `Company ${domain}`, country: 'de', language: 'de', domain });
  if (registered.statusCode !== 201) throw new Error(`company registration answered ${registered.statusCode}: ${registered.body}`);
  const colleagues: Array<Person & { memberId: string }> = [];
  for (let i = 0; i < members; i++) {
    // Tests hold the clock still; members who joined in one instant would have no longest-standing one.
    t.clock.advance(1000);
    const colleague = await person(t, domain);
    const joined = await colleague.browser.request('POST', `/api/companies/${registered.json().id}/join`);
    if (joined.statusCode !== 200) throw new Error(`join answered ${joined.statusCode}: ${joined.body}`);
    const list = (await admin.browser.request('GET', '/api/companies/current/members')).json() as Array<{ id: string; userId: string }>;
    const memberId = list.find((m) => m.userId === colleague.userId)?.id as string;
    colleagues.push({ ...colleague, memberId });
  }
  return { id: registered.json().id as string, domain, admin, colleagues };
}
