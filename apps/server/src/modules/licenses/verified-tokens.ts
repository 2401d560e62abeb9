import type { KeyObject } from 'node:crypto';
import { type LicenseClaims, type VerifyResult, verifyLicenseToken } from '@steward/client';

const REMEMBERED = 10_000;

// A product validates the same token again and again; its signature cannot change, so once it
// checked out the next call costs a map lookup instead of an Ed25519 verification.
const verified = new WeakMap<KeyObject, Map<string, LicenseClaims>>();

/** The client library's offline check, remembering tokens whose signature held; expiry and device are checked every time. */
export function checkLicenseToken(token: string, key: KeyObject, options: { machineHash: string; fingerprint: string; now: Date }): VerifyResult {
  let known = verified.get(key);
  if (!known) {
    known = new Map();
    verified.set(key, known);
  }
  const claims = known.get(token);
  if (!claims) {
    const result = verifyLicenseToken(token, key, { fingerprint: options.fingerprint, now: options.now });
    if (result.valid) {
      if (known.size >= REMEMBERED) known.delete(known.keys().next().value as string);
      known.set(token, result.claims);
    }
    return result;
  }
  if (claims.exp <= Math.floor(options.now.getTime() / 1000)) return { valid: false, reason: 'expired' };
  if (claims.fph !== options.machineHash) return { valid: false, reason: 'fingerprint-mismatch' };
  return { valid: true, claims };
}
