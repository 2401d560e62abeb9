import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DAY_MS } from '../../platform/clock.ts';
import { latestLink, outboxFor } from '../../testing/accounts-client.ts';
import { BASE_URL, createTestApp, type TestApp } from '../../testing/harness.ts';
import { company, newDomain, person } from './company-test-kit.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());
beforeEach(() => t.clock.set(new Date()));

const newCompany = (domain?: string) => ({ name: 'Acme GmbH', country: 'de', language: 'de', ...(domain ? { domain } : {}) });

async function mailsTo(email: string, subjectPart: string) {
  for (let attempt = 0; attempt < 100; attempt++) {
    const found = (await outboxFor(t, email)).filter((m) => m.subject.includes(subjectPart));
    if (found.length > 0) return found;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return [];
}

describe('registering a company', () => {
  it('[ORG-1] makes the first person its administrator', async () => {
    const founder = await person(t);
    const registered = await founder.browser.request('POST', '/api/companies', newCompany());
    expect(registered.statusCode).toBe(201);
    expect(registered.json()).toMatchObject({ name: 'Acme GmbH', country: 'DE', language: 'de', role: 'owner', blocked: false, domain: null });
    const current = await founder.browser.request('GET', '/api/companies/current');
    expect(current.json()).toMatchObject({ id: registered.json().id, role: 'owner' });
    expect((await founder.browser.request('GET', '/api/companies/current/members')).json()).toEqual([
      expect.objectContaining({ userId: founder.userId, role: 'owner', email: founder.visitor.email }),
    ]);
  });

  it('[ORG-1] allows one company per person, and a member of one cannot register another', async () => {
    const acme = await company(t, 1);
    const again = await acme.admin.browser.request('POST', '/api/companies', newCompany());
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('already-in-company');
    const byMember = await acme.colleagues[0].browser.request('POST', '/api/companies', newCompany());
    expect(byMember.json().code).toBe('already-in-company');
    expect((await acme.colleagues[0].browser.request('GET', '/api/companies/current')).json().role).toBe('member');
  });

  it('leaves no way around these rules through the organization plugin’s own endpoints', async () => {
    const founder = await person(t);
    const direct = await founder.browser.request('POST', '/api/auth/organization/create', { name: 'Side Door', slug: `side-${founder.userId}` });
    expect(direct.statusCode).toBe(404);
    expect((await founder.browser.request('GET', '/api/companies/current')).statusCode).toBe(404);
  });

  it('verifies only the domain of the administrator’s own verified address, never a public mail service', async () => {
    const founder = await person(t, newDomain());
    const other = await founder.browser.request('POST', '/api/companies', newCompany(newDomain()));
    expect(other.statusCode).toBe(400);
    expect(other.json().errors[0].field).toBe('domain');
    const mailer = await person(t, 'gmail.com');
    const publicDomain = await mailer.browser.request('POST', '/api/companies', newCompany('gmail.com'));
    expect(publicDomain.statusCode).toBe(400);
    expect((await mailer.browser.request('GET', '/api/companies/current')).statusCode).toBe(404);
  });
});

describe('joining a company', () => {
  it('[ORG-2] by invitation: only the invited address accepts, and the administrator is told the name and email', async () => {
    const acme = await company(t, 0);
    const invitee = await person(t);
    await invitee.browser.request('PATCH', '/api/account', { name: 'Ina Invited' });
    const invited = await acme.admin.browser.request('POST', '/api/companies/current/invitations', { email: invitee.visitor.email });
    expect(invited.statusCode).toBe(201);
    const link = await latestLink(t, invitee.visitor.email, '/company/invitations/');
    expect(link).toBe(`${BASE_URL}/company/invitations/${invited.json().id}`);

    const stranger = await person(t);
    const stolen = await stranger.browser.request('POST', `/api/companies/invitations/${invited.json().id}/accept`);
    expect(stolen.statusCode).toBe(404);
    expect((await stranger.browser.request('GET', `/api/companies/invitations/${invited.json().id}`)).statusCode).toBe(404);
    const shown = await invitee.browser.request('GET', `/api/companies/invitations/${invited.json().id}`);
    expect(shown.json()).toMatchObject({ id: invited.json().id, companyName: `Company ${acme.domain}`, role: 'member' });

    const accepted = await invitee.browser.request('POST', `/api/companies/invitations/${invited.json().id}/accept`);
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ id: acme.id, role: 'member' });
    const told = await mailsTo(acme.admin.visitor.email, 'joined');
    expect(told[0].body).toContain('Ina Invited');
    expect(told[0].body).toContain(invitee.visitor.email);
    const notices = (await acme.admin.browser.request('GET', '/api/companies/current/notices')).json();
    expect(notices[0]).toMatchObject({ kind: 'member-joined', name: 'Ina Invited', email: invitee.visitor.email });
    expect((await invitee.browser.request('POST', `/api/companies/invitations/${invited.json().id}/accept`)).statusCode).toBe(404);
  });

  it('[ORG-2] an invitation expires after 7 days', async () => {
    const acme = await company(t, 0);
    const invitee = await person(t);
    const invited = (await acme.admin.browser.request('POST', '/api/companies/current/invitations', { email: invitee.visitor.email })).json();
    t.clock.advance(8 * DAY_MS);
    expect((await invitee.browser.request('POST', `/api/companies/invitations/${invited.id}/accept`)).statusCode).toBe(404);
  });

  it('[ORG-2] by verified email domain: colleagues on it join, others cannot, and the administrator is told', async () => {
    const acme = await company(t, 0);
    const colleague = await person(t, acme.domain);
    await colleague.browser.request('PATCH', '/api/account', { name: 'Dora Domain' });
    expect((await colleague.browser.request('GET', '/api/companies/joinable')).json()).toEqual({ id: acme.id, name: `Company ${acme.domain}` });
    expect((await colleague.browser.request('POST', `/api/companies/${acme.id}/join`)).statusCode).toBe(200);
    const told = await mailsTo(acme.admin.visitor.email, 'Dora Domain');
    expect(told[0].body).toContain(colleague.visitor.email);
    expect((await acme.admin.browser.request('GET', '/api/companies/current/notices')).json()[0]).toMatchObject({
      name: 'Dora Domain',
      email: colleague.visitor.email,
    });

    const outsider = await person(t, newDomain());
    expect((await outsider.browser.request('GET', '/api/companies/joinable')).statusCode).toBe(404);
    expect((await outsider.browser.request('POST', `/api/companies/${acme.id}/join`)).statusCode).toBe(404);
  });

  it('a domain another company verified is taken', async () => {
    const acme = await company(t, 0);
    const rival = await person(t, acme.domain);
    const taken = await rival.browser.request('POST', '/api/companies', newCompany(acme.domain));
    expect(taken.statusCode).toBe(409);
    expect(taken.json().code).toBe('domain-taken');
  });
});

describe('administering colleagues', () => {
  it('[ORG-3] the administrator corrects a colleague’s name and language and sets roles; a member may not', async () => {
    const acme = await company(t, 2);
    const [ann, bob] = acme.colleagues;
    const edited = await acme.admin.browser.request('PATCH', `/api/companies/current/members/${ann.memberId}`, { name: 'Ann Example', language: 'fr' });
    expect(edited.json()).toMatchObject({ name: 'Ann Example', language: 'fr', role: 'member' });
    expect((await ann.browser.request('GET', '/api/account')).json()).toMatchObject({ name: 'Ann Example', language: 'fr' });

    const refused = await bob.browser.request('PATCH', `/api/companies/current/members/${ann.memberId}`, { name: 'Hacked' });
    expect(refused.statusCode).toBe(403);
    expect((await acme.admin.browser.request('PATCH', `/api/companies/current/members/${bob.memberId}`, { role: 'admin' })).json().role).toBe('admin');
    expect((await bob.browser.request('GET', '/api/companies/current/members')).statusCode).toBe(200);
    const owner = (await bob.browser.request('GET', '/api/companies/current/members')).json().find((m: { role: string }) => m.role === 'owner');
    expect((await bob.browser.request('PATCH', `/api/companies/current/members/${owner.id}`, { role: 'member' })).json().code).toBe('owner-stays');
  });

  it('[ORG-3] resets a colleague’s password by sending them the link; the administrator never sees it', async () => {
    const acme = await company(t, 1);
    const [ann] = acme.colleagues;
    const reset = await acme.admin.browser.request('POST', `/api/companies/current/members/${ann.memberId}/password-reset`);
    expect(reset.statusCode).toBe(202);
    expect(reset.body).toBe('');
    expect(await latestLink(t, ann.visitor.email, '/api/auth/reset-password/')).toContain('/api/auth/reset-password/');
    expect((await outboxFor(t, acme.admin.visitor.email)).filter((m) => m.subject === 'Reset your password')).toEqual([]);
  });

  it('[ORG-3] removing a colleague keeps their personal account', async () => {
    const acme = await company(t, 1);
    const [ann] = acme.colleagues;
    expect((await acme.admin.browser.request('DELETE', `/api/companies/current/members/${ann.memberId}`)).statusCode).toBe(204);
    expect((await ann.browser.request('GET', '/api/companies/current')).statusCode).toBe(404);
    expect((await ann.browser.request('GET', '/api/account')).statusCode).toBe(200);
    const members = (await acme.admin.browser.request('GET', '/api/companies/current/members')).json();
    expect(members.map((m: { userId: string }) => m.userId)).toEqual([acme.admin.userId]);
  });

  it('[ORG-3] blocking stops company routes for everyone, keeps personal accounts, and only an administrator unblocks', async () => {
    const acme = await company(t, 1);
    const [ann] = acme.colleagues;
    expect((await acme.admin.browser.request('POST', '/api/companies/current/block')).json().blocked).toBe(true);

    expect((await ann.browser.request('GET', '/api/companies/current')).json()).toMatchObject({ id: acme.id, blocked: true });
    const membersRefused = await acme.admin.browser.request('GET', '/api/companies/current/members');
    expect(membersRefused.statusCode).toBe(403);
    expect(membersRefused.json().code).toBe('company-blocked');
    expect((await ann.browser.request('GET', '/api/account')).statusCode).toBe(200);
    expect((await acme.admin.browser.request('GET', '/api/account/licenses')).statusCode).toBe(200);

    const newcomer = await person(t, acme.domain);
    expect((await newcomer.browser.request('POST', `/api/companies/${acme.id}/join`)).json().code).toBe('company-blocked');
    expect((await ann.browser.request('DELETE', '/api/companies/current/block')).statusCode).toBe(403);
    expect((await acme.admin.browser.request('DELETE', '/api/companies/current/block')).json().blocked).toBe(false);
    expect((await acme.admin.browser.request('GET', '/api/companies/current/members')).statusCode).toBe(200);
  });
});

describe('invitations and leaving', () => {
  it('lists open invitations to administrators, who may withdraw one before it is used', async () => {
    const acme = await company(t, 0);
    const invitee = await person(t);
    const invited = (
      await acme.admin.browser.request('POST', '/api/companies/current/invitations', { email: invitee.visitor.email, role: 'license-manager' })
    ).json();
    expect((await acme.admin.browser.request('GET', '/api/companies/current/invitations')).json()).toEqual([
      { id: invited.id, email: invitee.visitor.email, role: 'license-manager', expiresAt: invited.expiresAt },
    ]);
    expect((await acme.admin.browser.request('DELETE', `/api/companies/current/invitations/${invited.id}`)).statusCode).toBe(204);
    expect((await invitee.browser.request('POST', `/api/companies/invitations/${invited.id}/accept`)).statusCode).toBe(404);
    expect((await acme.admin.browser.request('GET', '/api/companies/current/invitations')).json()).toEqual([]);
  });

  it('lets a member leave, after which they may join another company; the registering administrator stays', async () => {
    const acme = await company(t, 1);
    const [ann] = acme.colleagues;
    expect((await ann.browser.request('DELETE', '/api/companies/current/membership')).statusCode).toBe(204);
    expect((await ann.browser.request('GET', '/api/companies/current')).statusCode).toBe(404);
    expect((await ann.browser.request('POST', '/api/companies', newCompany())).statusCode).toBe(201);
    expect((await acme.admin.browser.request('DELETE', '/api/companies/current/membership')).json().code).toBe('owner-stays');
  });
});
