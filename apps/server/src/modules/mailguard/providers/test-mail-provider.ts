import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../../../platform/clock.ts';
import type { ConnectionKind } from '../schema.ts';
import { type GrantedAccess, type MailProvider, ProviderError, type ScanItem } from './mail-provider.ts';

export const TEST_MAIL_PROVIDER_ID = 'test';
const CODE_MS = 60_000;
const ACCESS_MS = 10 * 60_000;

interface StoredItem extends ScanItem {
  seq: number;
  folder: 'inbox' | 'quarantine';
  labels: string[];
}

interface Mailbox {
  items: StoredItem[];
  seq: number;
}

export interface TestMailProvider extends MailProvider {
  /** Where tests and the demo put a message or file, as the provider's own service would receive it. */
  deliver(address: string, item: { text?: string; files?: Array<{ name: string; content: Buffer }> }): string;
  /** A mailbox as the provider holds it, with its folders and labels. */
  mailbox(address: string): StoredItem[];
  /** The consent the person gives on the provider's page; returns the code the provider redirects back with. */
  consent(input: { address: string; redirectUri: string; codeChallenge: string; scope: string }): string;
  /** An organisation whose administrator can set up all its mailboxes at once. */
  addOrganisation(input: { adminUser: string; adminPassword: string; mailboxes: string[] }): void;
  /** Every login the provider saw, so a test can check which credentials reached it. */
  readonly adminLogins: string[];
  /** The refresh tokens the provider holds live for a mailbox, so a test can look for them where they must not be. */
  grantedTokens(address: string): string[];
}

const lower = (address: string) => address.trim().toLowerCase();
const sha256Base64Url = (text: string) => createHash('sha256').update(text).digest('base64url');

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * A stand-in for a mail and storage provider: an OAuth 2.0 authorization server with PKCE, refresh and access tokens,
 * and mailboxes, all in the memory of this process. Its consent page is served by test-provider-routes.ts.
 */
export function testMailProvider(clock: Clock, baseUrl: string): TestMailProvider {
  const codes = new Map<string, { address: string; redirectUri: string; codeChallenge: string; scope: string; expiresAt: number }>();
  const grants = new Map<string, { address: string; scope: string }>();
  const accessTokens = new Map<string, { address: string; expiresAt: number }>();
  const mailboxes = new Map<string, Mailbox>();
  const organisations = new Map<string, { password: string; mailboxes: string[] }>();
  const adminLogins: string[] = [];

  const mailboxOf = (address: string) => {
    const key = lower(address);
    const box = mailboxes.get(key) ?? { items: [], seq: 0 };
    mailboxes.set(key, box);
    return box;
  };
  const grant = (address: string, scope: string): GrantedAccess => {
    const refreshToken = randomBytes(32).toString('base64url');
    grants.set(refreshToken, { address: lower(address), scope });
    mailboxOf(address);
    return { refreshToken, address: lower(address), scope };
  };
  const authorised = (accessToken: string, address: string) => {
    const access = accessTokens.get(accessToken);
    if (!access || access.expiresAt <= clock.now().getTime() || access.address !== lower(address)) {
      throw new ProviderError('access token refused', { reconnect: false });
    }
    return mailboxOf(address);
  };
  const itemOf = (box: Mailbox, itemId: string) => {
    const item = box.items.find((candidate) => candidate.id === itemId);
    if (!item) throw new ProviderError(`no item ${itemId}`, { reconnect: false });
    return item;
  };

  return {
    id: TEST_MAIL_PROVIDER_ID,
    name: 'Test mail provider',
    kinds: ['mailbox', 'file-store'],
    adminLogins,
    scope: (kind: ConnectionKind) => (kind === 'mailbox' ? 'mail.read mail.move' : 'files.read files.move'),
    authorizationUrl({ state, codeChallenge, redirectUri, scope }) {
      const query = new URLSearchParams({
        response_type: 'code',
        client_id: 'steward',
        state,
        code_challenge: codeChallenge,
        code_challenge_method: 'S256',
        redirect_uri: redirectUri,
        scope,
      });
      return `${baseUrl}/api/mail-protection/test-provider/authorize?${query}`;
    },
    consent({ address, redirectUri, codeChallenge, scope }) {
      const code = randomBytes(24).toString('base64url');
      codes.set(code, { address: lower(address), redirectUri, codeChallenge, scope, expiresAt: clock.now().getTime() + CODE_MS });
      return code;
    },
    async exchangeCode({ code, codeVerifier, redirectUri }) {
      const pending = codes.get(code);
      codes.delete(code);
      if (!pending || pending.expiresAt <= clock.now().getTime()) throw new ProviderError('invalid_grant: the code is unknown or expired', { reconnect: true });
      if (pending.redirectUri !== redirectUri) throw new ProviderError('invalid_grant: redirect_uri differs', { reconnect: true });
      if (!sameText(sha256Base64Url(codeVerifier), pending.codeChallenge))
        throw new ProviderError('invalid_grant: PKCE verifier does not match', { reconnect: true });
      return grant(pending.address, pending.scope);
    },
    async accessToken(refreshToken) {
      const granted = grants.get(refreshToken);
      if (!granted) throw new ProviderError('invalid_grant: the grant was revoked', { reconnect: true });
      const token = randomBytes(24).toString('base64url');
      accessTokens.set(token, { address: granted.address, expiresAt: clock.now().getTime() + ACCESS_MS });
      return token;
    },
    async newItems(accessToken, address, cursor, limit) {
      const box = authorised(accessToken, address);
      const after = cursor === null ? 0 : Number(cursor);
      const items = box.items.filter((item) => item.seq > after && item.folder === 'inbox').slice(0, limit);
      const last = items.at(-1)?.seq ?? after;
      return { items: items.map(({ id, text, files }) => ({ id, text, files })), cursor: String(last) };
    },
    async quarantine(accessToken, address, itemId) {
      itemOf(authorised(accessToken, address), itemId).folder = 'quarantine';
    },
    async tag(accessToken, address, itemId, label) {
      itemOf(authorised(accessToken, address), itemId).labels.push(label);
    },
    async revoke(refreshToken) {
      grants.delete(refreshToken);
    },
    async automaticSetup({ adminUser, adminPassword, scope }) {
      adminLogins.push(adminUser);
      const organisation = organisations.get(lower(adminUser));
      if (!organisation || !sameText(organisation.password, adminPassword))
        throw new ProviderError('the administrator sign-in was refused', { reconnect: false });
      return organisation.mailboxes.map((address) => grant(address, scope));
    },
    addOrganisation({ adminUser, adminPassword, mailboxes: addresses }) {
      organisations.set(lower(adminUser), { password: adminPassword, mailboxes: addresses.map(lower) });
    },
    deliver(address, { text = '', files = [] }) {
      const box = mailboxOf(address);
      box.seq += 1;
      const id = `item-${box.seq}-${randomBytes(4).toString('hex')}`;
      box.items.push({ id, seq: box.seq, text, files, folder: 'inbox', labels: [] });
      return id;
    },
    mailbox: (address) => mailboxOf(address).items,
    grantedTokens: (address) => [...grants].filter(([, granted]) => granted.address === lower(address)).map(([token]) => token),
  };
}
