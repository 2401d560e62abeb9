import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Deps } from '../../platform/deps.ts';
import { sha256Hex } from '../../platform/sha256-hex.ts';
import type { ManagedLicense } from '../licenses/managed-license.ts';
import { requireFreeSeats, usableLicense } from './license-seats.ts';
import { mailguardProblems } from './mailguard-problems.ts';
import type { GrantedAccess, MailProvider } from './providers/mail-provider.ts';
import { mailProviders } from './providers/mail-providers.ts';
import { type ConnectionKind, mailAuthorization, mailConnection } from './schema.ts';
import { openVerifier, sealRefreshToken, sealVerifier } from './sealed-tokens.ts';

export const AUTHORIZATION_MS = 10 * 60_000;
export const CALLBACK_PATH = '/api/mail-protection/oauth/callback';
export const PAGE_PATH = '/account/mail-protection';

type MailDeps = Pick<Deps, 'db' | 'clock' | 'config'>;
type Tx = Parameters<Parameters<Deps['db']['transaction']>[0]>[0];

const redirectUri = (deps: Pick<Deps, 'config'>) => `${deps.config.baseUrl}${CALLBACK_PATH}`;

function providerFor(deps: MailDeps, providerId: string, kind: ConnectionKind): MailProvider {
  const provider = mailProviders(deps).byId(providerId);
  if (!provider.kinds.includes(kind)) throw mailguardProblems.kindNotOffered();
  return provider;
}

/**
 * MAIL-1: starts the provider's OAuth 2.0 consent (authorization code with PKCE, S256). The state and verifier are random;
 * only the state's hash and the sealed verifier are kept, for ten minutes, and the caller's browser goes to the provider.
 */
export async function startAuthorization(deps: MailDeps, userId: string, input: { licenseId: string; kind: ConnectionKind; provider: string }) {
  const provider = providerFor(deps, input.provider, input.kind);
  await usableLicense(deps, userId, input.licenseId, input.kind);
  const state = randomBytes(32).toString('base64url');
  const verifier = randomBytes(48).toString('base64url');
  const stateHash = sha256Hex(state);
  const now = deps.clock.now();
  await deps.db.insert(mailAuthorization).values({
    stateHash,
    verifier: sealVerifier(deps, stateHash, verifier),
    userId,
    licenseId: input.licenseId,
    kind: input.kind,
    provider: provider.id,
    createdAt: now,
    expiresAt: new Date(now.getTime() + AUTHORIZATION_MS),
  });
  const codeChallenge = createHash('sha256').update(verifier).digest('base64url');
  return { authorizationUrl: provider.authorizationUrl({ state, codeChallenge, redirectUri: redirectUri(deps), scope: provider.scope(input.kind) }) };
}

/** Where a grant goes: the license (whose owner or company the connection belongs to), who connected it, and what. */
export interface GrantTarget {
  license: Pick<ManagedLicense, 'id' | 'seats' | 'userId' | 'companyId'>;
  connectedBy: string;
  kind: ConnectionKind;
  provider: string;
}

/** Stores one granted mailbox, or renews the grant of one already connected to the license, which takes no new seat. */
export async function storeGrant(tx: Tx, deps: Pick<Deps, 'clock' | 'config'>, target: GrantTarget, granted: GrantedAccess): Promise<string> {
  const now = deps.clock.now();
  const [existing] = await tx
    .select({ id: mailConnection.id })
    .from(mailConnection)
    .where(
      and(
        eq(mailConnection.licenseId, target.license.id),
        eq(mailConnection.provider, target.provider),
        sql`lower(${mailConnection.address}) = lower(${granted.address})`,
      ),
    );
  if (existing) {
    const refreshToken = sealRefreshToken(deps, existing.id, granted.refreshToken);
    await tx.update(mailConnection).set({ refreshToken, scope: granted.scope, status: 'active', updatedAt: now }).where(eq(mailConnection.id, existing.id));
    return existing.id;
  }
  await requireFreeSeats(tx, target.license, 1);
  const id = randomUUID();
  await tx.insert(mailConnection).values({
    id,
    licenseId: target.license.id,
    userId: target.license.userId,
    companyId: target.license.companyId,
    connectedBy: target.connectedBy,
    kind: target.kind,
    provider: target.provider,
    address: granted.address,
    refreshToken: sealRefreshToken(deps, id, granted.refreshToken),
    scope: granted.scope,
    status: 'active',
    connectedAt: now,
    updatedAt: now,
  });
  return id;
}

/** Where the browser goes after the provider answered: the mail protection page, saying what happened. */
export type CallbackOutcome = { connected: string } | { error: 'denied' | 'expired' | 'refused' | 'seats-exceeded' | 'license-unusable' | 'signed-out' };

/**
 * The provider sends the browser back with a code (or an error). The authorization must be the caller's own and fresh; it
 * is used up at once, the code is exchanged with the PKCE verifier, and the refresh token is sealed to its connection.
 */
export async function completeAuthorization(deps: MailDeps, userId: string, input: { state: string; code?: string; error?: string }): Promise<CallbackOutcome> {
  const stateHash = sha256Hex(input.state);
  const [pending] = await deps.db
    .delete(mailAuthorization)
    .where(and(eq(mailAuthorization.stateHash, stateHash), eq(mailAuthorization.userId, userId)))
    .returning();
  if (!pending || pending.expiresAt <= deps.clock.now()) return { error: 'expired' };
  if (input.error || !input.code) return { error: 'denied' };
  const provider = providerFor(deps, pending.provider, pending.kind);
  let licenseRow: ManagedLicense;
  try {
    licenseRow = await usableLicense(deps, userId, pending.licenseId, pending.kind);
  } catch {
    return { error: 'license-unusable' };
  }
  let granted: GrantedAccess;
  try {
    granted = await provider.exchangeCode({ code: input.code, codeVerifier: openVerifier(deps, stateHash, pending.verifier), redirectUri: redirectUri(deps) });
  } catch {
    return { error: 'refused' };
  }
  const target: GrantTarget = { license: licenseRow, connectedBy: userId, kind: pending.kind, provider: provider.id };
  try {
    return { connected: await deps.db.transaction((tx) => storeGrant(tx, deps, target, granted)) };
  } catch (error) {
    await provider.revoke(granted.refreshToken);
    if ((error as { code?: string }).code === 'seats-exceeded') return { error: 'seats-exceeded' };
    throw error;
  }
}

export function callbackRedirect(outcome: CallbackOutcome): string {
  return 'connected' in outcome ? `${PAGE_PATH}?connected=${outcome.connected}` : `${PAGE_PATH}?error=${outcome.error}`;
}
