import { Writable } from 'node:stream';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { findAnywhere } from '../../testing/find-anywhere.ts';
import { BASE_URL, createTestApp, type TestApp } from '../../testing/harness.ts';
import { issue } from '../licenses/test-kit.ts';
import { AUTHORIZATION_MS } from './authorize-connection.ts';
import { connect, consent, newMailbox, protectedCustomer, testProvider } from './mailguard-test-kit.ts';
import { mailAuthorization, mailConnection } from './schema.ts';

let t: TestApp;
const logLines: string[] = [];
beforeAll(async () => {
  const logStream = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  t = await createTestApp({ logStream });
});
beforeEach(() => t.clock.set(new Date()));
afterAll(() => t.close());

const connectionsOf = (licenseId: string) => t.deps.db.select().from(mailConnection).where(eq(mailConnection.licenseId, licenseId));
const outcome = (location: string | null) => Object.fromEntries(new URL(location ?? '/', BASE_URL).searchParams);

describe('connecting a mailbox by OAuth 2.0 consent (MAIL-1)', () => {
  it('[MAIL-1] goes through the provider’s consent page with PKCE and keeps only what the provider granted, sealed', async () => {
    const owner = await protectedCustomer(t);
    const address = newMailbox();
    const flow = await consent(t, owner, { licenseId: owner.licenseId, address });
    const authorizationUrl = new URL(flow.started.json().authorizationUrl);
    expect(authorizationUrl.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorizationUrl.searchParams.get('scope')).toBe('mail.read mail.move');
    expect(flow.page).toContain('Steward Mail Protection');
    expect(outcome(flow.location).connected).toBeDefined();

    const [connection] = await connectionsOf(owner.licenseId);
    expect(connection).toMatchObject({ address, userId: owner.userId, connectedBy: owner.userId, status: 'active', provider: 'test' });
    const tokens = testProvider(t).grantedTokens(address);
    expect(tokens).toHaveLength(1);
    expect(await findAnywhere(t.deps.pool, tokens)).toEqual([]);
    const code = flow.callbackUrl?.searchParams.get('code') as string;
    expect(await findAnywhere(t.deps.pool, [code, authorizationUrl.searchParams.get('state') as string])).toEqual([]);
    expect(await t.deps.db.select().from(mailAuthorization).where(eq(mailAuthorization.userId, owner.userId))).toEqual([]);

    const overview = (await owner.browser.request('GET', '/api/mail-protection')).json();
    expect(overview.licenses[0].connections[0]).toMatchObject({ address, status: 'active', action: 'quarantine' });
    expect(JSON.stringify(overview)).not.toContain(tokens[0]);
  });

  it('[MAIL-1] a denied consent, a replayed or expired callback, and another person’s callback connect nothing', async () => {
    const owner = await protectedCustomer(t, 'mail-protection-1y-10');
    const denied = await consent(t, owner, { licenseId: owner.licenseId, address: newMailbox(), decision: 'deny' });
    expect(outcome(denied.location)).toEqual({ error: 'denied' });

    const allowed = await consent(t, owner, { licenseId: owner.licenseId, address: newMailbox() });
    const replay = await owner.browser.request('GET', `${allowed.callbackUrl?.pathname}${allowed.callbackUrl?.search}`);
    expect(outcome(replay.headers.location as string)).toEqual({ error: 'expired' });

    const intruder = await protectedCustomer(t);
    const started = await owner.browser.request('POST', '/api/mail-protection/authorizations', {
      licenseId: owner.licenseId,
      kind: 'mailbox',
      provider: 'test',
    });
    const state = new URL(started.json().authorizationUrl).searchParams.get('state');
    const stolen = await intruder.browser.request('GET', `/api/mail-protection/oauth/callback?state=${state}&code=anything`);
    expect(outcome(stolen.headers.location as string)).toEqual({ error: 'expired' });

    const late = await owner.browser.request('POST', '/api/mail-protection/authorizations', { licenseId: owner.licenseId, kind: 'mailbox', provider: 'test' });
    const lateState = new URL(late.json().authorizationUrl).searchParams.get('state');
    t.clock.advance(AUTHORIZATION_MS + 1000);
    const expired = await owner.browser.request('GET', `/api/mail-protection/oauth/callback?state=${lateState}&code=anything`);
    expect(outcome(expired.headers.location as string)).toEqual({ error: 'expired' });
    expect(await connectionsOf(owner.licenseId)).toHaveLength(1);
  });

  it('[MAIL-1] a callback that finds the session ended says so on the page, and a Deny needs no mailbox named', async () => {
    const owner = await protectedCustomer(t);
    const started = await owner.browser.request('POST', '/api/mail-protection/authorizations', {
      licenseId: owner.licenseId,
      kind: 'mailbox',
      provider: 'test',
    });
    const query = new URL(started.json().authorizationUrl).searchParams;
    const signedOut = await t.app.inject({ method: 'GET', url: `/api/mail-protection/oauth/callback?state=${query.get('state')}&code=x` });
    expect(signedOut.statusCode).toBe(303);
    expect(outcome(signedOut.headers.location as string)).toEqual({ error: 'signed-out' });
    const deny = await t.app.inject({
      method: 'POST',
      url: '/api/mail-protection/test-provider/authorize',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        state: query.get('state') as string,
        codeChallenge: query.get('code_challenge') as string,
        redirectUri: query.get('redirect_uri') as string,
        scope: query.get('scope') as string,
        address: '',
        decision: 'deny',
      }).toString(),
    });
    expect(new URL(deny.headers.location as string).searchParams.get('error')).toBe('access_denied');
  });

  it('[MAIL-1] the provider refuses a code redeemed without the right PKCE verifier, and its page only redirects back to Steward', async () => {
    const provider = testProvider(t);
    const code = provider.consent({
      address: newMailbox(),
      redirectUri: `${BASE_URL}/api/mail-protection/oauth/callback`,
      codeChallenge: 'x'.repeat(43),
      scope: 'mail.read',
    });
    await expect(provider.exchangeCode({ code, codeVerifier: 'wrong', redirectUri: `${BASE_URL}/api/mail-protection/oauth/callback` })).rejects.toThrow('PKCE');
    const foreign = await t.app.inject({
      method: 'GET',
      url: `/api/mail-protection/test-provider/authorize?response_type=code&client_id=steward&state=s&code_challenge=${'x'.repeat(43)}&code_challenge_method=S256&scope=mail.read&redirect_uri=${encodeURIComponent('https://evil.example/cb')}`,
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().errors[0].field).toBe('redirect_uri');
  });

  it('connects within the license’s seats; reconnecting a mailbox renews its grant without taking a seat', async () => {
    const owner = await protectedCustomer(t);
    const first = await connect(t, owner, owner.licenseId);
    const second = await consent(t, owner, { licenseId: owner.licenseId, address: newMailbox() });
    expect(outcome(second.location)).toEqual({ error: 'seats-exceeded' });
    const again = await consent(t, owner, { licenseId: owner.licenseId, address: first.address.toUpperCase() });
    expect(outcome(again.location)).toEqual({ connected: first.id });
    expect(await connectionsOf(owner.licenseId)).toHaveLength(1);
    expect(testProvider(t).grantedTokens(newMailbox())).toEqual([]);
  });

  it('refuses a license without mail protection, an expired one, and a file store for a provider kind it does not know', async () => {
    const owner = await protectedCustomer(t);
    const other = await issue(t, 'total-security-1y-1', owner.userId);
    const wrongProduct = await owner.browser.request('POST', '/api/mail-protection/authorizations', { licenseId: other.id, kind: 'mailbox', provider: 'test' });
    expect(wrongProduct.statusCode).toBe(404);
    const unknownProvider = await owner.browser.request('POST', '/api/mail-protection/authorizations', {
      licenseId: owner.licenseId,
      kind: 'mailbox',
      provider: 'gmail',
    });
    expect(unknownProvider.json().errors[0].field).toBe('provider');
    t.clock.advance(400 * 24 * 60 * 60 * 1000);
    const expired = await owner.browser.request('POST', '/api/mail-protection/authorizations', {
      licenseId: owner.licenseId,
      kind: 'mailbox',
      provider: 'test',
    });
    expect(expired.json().code).toBe('license-unusable');
  });
});

describe('automatic setup with an administrator’s sign-in (MAIL-1)', () => {
  it('[MAIL-1] uses the administrator credentials once, at the provider, and saves them nowhere: not in the database, not in the log', async () => {
    const owner = await protectedCustomer(t, 'mail-protection-1y-10');
    const adminUser = `it-admin-${Date.now()}@corp.example.test`;
    const adminPassword = `Admin-Secret-${Date.now()}`;
    const mailboxes = [newMailbox(), newMailbox(), newMailbox()];
    testProvider(t).addOrganisation({ adminUser, adminPassword, mailboxes });
    const logins = testProvider(t).adminLogins.length;

    const setup = await owner.browser.request('POST', '/api/mail-protection/automatic-setup', {
      licenseId: owner.licenseId,
      provider: 'test',
      adminUser,
      adminPassword,
    });
    expect(setup.statusCode).toBe(201);
    expect(setup.json().connected).toHaveLength(3);
    expect(testProvider(t).adminLogins.slice(logins)).toEqual([adminUser]);
    expect((await connectionsOf(owner.licenseId)).map((c) => c.address).sort()).toEqual([...mailboxes].sort());
    expect(await findAnywhere(t.deps.pool, [adminPassword, adminUser])).toEqual([]);
    expect(logLines.join('')).not.toContain(adminPassword);

    const refused = await owner.browser.request('POST', '/api/mail-protection/automatic-setup', {
      licenseId: owner.licenseId,
      provider: 'test',
      adminUser,
      adminPassword: 'wrong',
    });
    expect(refused.json().code).toBe('automatic-setup-refused');
  });

  it('is all or nothing: an organisation with more mailboxes than free seats connects none, and its grants go back', async () => {
    const owner = await protectedCustomer(t);
    const adminUser = `big-admin-${Date.now()}@corp.example.test`;
    const mailboxes = [newMailbox(), newMailbox()];
    testProvider(t).addOrganisation({ adminUser, adminPassword: 'pw', mailboxes });
    const setup = await owner.browser.request('POST', '/api/mail-protection/automatic-setup', {
      licenseId: owner.licenseId,
      provider: 'test',
      adminUser,
      adminPassword: 'pw',
    });
    expect(setup.json().code).toBe('seats-exceeded');
    expect(await connectionsOf(owner.licenseId)).toEqual([]);
    for (const mailbox of mailboxes) expect(testProvider(t).grantedTokens(mailbox)).toEqual([]);
  });
});

describe('settings and disconnecting', () => {
  it('changes what is scanned and what is done, pauses, and on disconnect hands the access back and deletes the connection', async () => {
    const owner = await protectedCustomer(t);
    const { id, address } = await connect(t, owner, owner.licenseId);
    const changed = await owner.browser.request('PATCH', `/api/mail-protection/connections/${id}`, {
      scanAttachments: false,
      scanLinks: true,
      action: 'tag',
      paused: true,
    });
    expect(changed.json()).toMatchObject({ scanAttachments: false, action: 'tag', status: 'paused' });
    const resumed = await owner.browser.request('PATCH', `/api/mail-protection/connections/${id}`, {
      scanAttachments: false,
      scanLinks: true,
      action: 'tag',
      paused: false,
    });
    expect(resumed.json().status).toBe('active');

    expect((await owner.browser.request('DELETE', `/api/mail-protection/connections/${id}`)).statusCode).toBe(204);
    expect(testProvider(t).grantedTokens(address)).toEqual([]);
    expect(await connectionsOf(owner.licenseId)).toEqual([]);
    expect(await findAnywhere(t.deps.pool, [address])).toEqual([]);
  });
});
