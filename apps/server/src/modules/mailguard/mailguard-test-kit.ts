import { randomBytes } from 'node:crypto';
import { BASE_URL, type TestApp } from '../../testing/harness.ts';
import { type Customer, customer, issue } from '../licenses/test-kit.ts';
import { mailProviders } from './providers/mail-providers.ts';
import type { TestMailProvider } from './providers/test-mail-provider.ts';

/** Test helpers for mail protection: customers with a license, and mailboxes connected through the test provider's consent. */

export function testProvider(t: TestApp): TestMailProvider {
  const provider = mailProviders(t.deps).test;
  if (!provider) throw new Error('the test mail provider is not running');
  return provider;
}

export const newMailbox = () => `box-${randomBytes(5).toString('hex')}@mail.example.test`;

/** A customer who bought a mail protection license of `typeId` (1 seat by default). */
export async function protectedCustomer(t: TestApp, typeId = 'mail-protection-1y-1') {
  const person = await customer(t);
  const licenseId = (await issue(t, typeId, person.userId)).id;
  return { ...person, licenseId };
}

function form(fields: Record<string, string>) {
  return new URLSearchParams(fields).toString();
}

/**
 * The whole consent flow as a browser goes through it: Steward's start, the provider's page, Allow (or Deny), and back to
 * Steward's callback. Returns where the callback sent the browser.
 */
export async function consent(
  t: TestApp,
  who: Pick<Customer, 'browser'>,
  input: { licenseId: string; address: string; decision?: 'allow' | 'deny'; kind?: 'mailbox' | 'file-store' },
) {
  const started = await who.browser.request('POST', '/api/mail-protection/authorizations', {
    licenseId: input.licenseId,
    kind: input.kind ?? 'mailbox',
    provider: 'test',
  });
  if (started.statusCode !== 201) return { started, location: null, callbackUrl: null };
  const authorizationUrl = new URL(started.json().authorizationUrl);
  const page = await t.app.inject({ method: 'GET', url: `${authorizationUrl.pathname}${authorizationUrl.search}` });
  if (page.statusCode !== 200) throw new Error(`consent page answered ${page.statusCode}: ${page.body}`);
  const query = authorizationUrl.searchParams;
  const allowed = await t.app.inject({
    method: 'POST',
    url: '/api/mail-protection/test-provider/authorize',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: BASE_URL },
    payload: form({
      state: query.get('state') as string,
      codeChallenge: query.get('code_challenge') as string,
      redirectUri: query.get('redirect_uri') as string,
      scope: query.get('scope') as string,
      address: input.address,
      decision: input.decision ?? 'allow',
    }),
  });
  const callbackUrl = new URL(allowed.headers.location as string);
  const back = await who.browser.request('GET', `${callbackUrl.pathname}${callbackUrl.search}`);
  return { started, location: back.headers.location as string, callbackUrl, page: page.body };
}

/** Connects a mailbox and returns the new connection's id. */
export async function connect(t: TestApp, who: Pick<Customer, 'browser'>, licenseId: string, address = newMailbox()) {
  const { location } = await consent(t, who, { licenseId, address });
  const id = location && new URL(location, BASE_URL).searchParams.get('connected');
  if (!id) throw new Error(`connecting ended at ${location}`);
  return { id, address };
}
