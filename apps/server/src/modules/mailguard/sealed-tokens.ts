import { deriveKey, seal, unseal } from '../../platform/blobs/seal.ts';
import type { Deps } from '../../platform/deps.ts';

const keyOf = (deps: Pick<Deps, 'config'>) => deriveKey(deps.config.masterKey, 'steward mail provider refresh tokens');

/** A provider's refresh token, bound to its connection: a sealed value copied onto another row does not open. */
export function sealRefreshToken(deps: Pick<Deps, 'config'>, connectionId: string, token: string): string {
  return seal(keyOf(deps), Buffer.from(token, 'utf8'), `mail-connection:${connectionId}`);
}

export function openRefreshToken(deps: Pick<Deps, 'config'>, connectionId: string, sealed: string): string {
  return unseal(keyOf(deps), sealed, `mail-connection:${connectionId}`).toString('utf8');
}

/** PKCE verifiers are sealed too: a database reader must not be able to finish someone's authorization. */
export function sealVerifier(deps: Pick<Deps, 'config'>, stateHash: string, verifier: string): string {
  return seal(keyOf(deps), Buffer.from(verifier, 'utf8'), `mail-authorization:${stateHash}`);
}

export function openVerifier(deps: Pick<Deps, 'config'>, stateHash: string, sealed: string): string {
  return unseal(keyOf(deps), sealed, `mail-authorization:${stateHash}`).toString('utf8');
}
