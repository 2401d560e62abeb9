import { createPublicKey, type KeyObject, verify } from 'node:crypto';
import { fingerprintHash } from './fingerprint.ts';

export const LICENSE_TOKEN_ISSUER = 'steward';
export const LICENSE_TOKEN_TYPE = 'steward-license+jwt';

/** What a license token carries; the product needs nothing else to decide offline. */
export interface LicenseClaims {
  iss: string;
  /** The license id. */
  sub: string;
  /** The activation (seat) this token was issued for. */
  act: string;
  product: string;
  entitlements: string[];
  seats: number;
  /** SHA-256 of the device fingerprint, base64url: the token is good on that device only. */
  fph: string;
  /** When the license itself ends (seconds); absent for perpetual licenses. */
  licenseExp?: number;
  iat: number;
  /** When this token must be refreshed online (seconds). */
  exp: number;
}

export type OfflineProblem = 'forged' | 'expired' | 'fingerprint-mismatch' | 'malformed';

export type VerifyResult = { valid: true; claims: LicenseClaims } | { valid: false; reason: OfflineProblem };

/** The public key as Steward publishes it at /api/v1/license-key (an Ed25519 JWK). */
export function importLicensePublicKey(jwk: JsonWebKey): KeyObject {
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519') throw new Error('A Steward license key is an Ed25519 JWK');
  return createPublicKey({ key: jwk, format: 'jwk' });
}

function decodeJson(part: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function isClaims(payload: Record<string, unknown>): payload is Record<string, unknown> & LicenseClaims {
  return (
    payload.iss === LICENSE_TOKEN_ISSUER &&
    typeof payload.sub === 'string' &&
    typeof payload.fph === 'string' &&
    typeof payload.exp === 'number' &&
    typeof payload.iat === 'number' &&
    Array.isArray(payload.entitlements)
  );
}

/**
 * Checks a license token without the network: the Ed25519 signature, header, issuer, expiry and
 * device. Compact JWS by hand on node:crypto, since the product calls this at every start.
 */
export function verifyLicenseToken(token: string, key: KeyObject, options: { fingerprint?: string; now?: Date } = {}): VerifyResult {
  const parts = token.split('.');
  if (parts.length !== 3) return { valid: false, reason: 'malformed' };
  const [headerPart, payloadPart, signaturePart] = parts;
  const header = decodeJson(headerPart);
  if (header?.alg !== 'EdDSA' || header.typ !== LICENSE_TOKEN_TYPE) return { valid: false, reason: 'malformed' };
  const signature = Buffer.from(signaturePart, 'base64url');
  if (signature.length !== 64 || !verify(null, Buffer.from(`${headerPart}.${payloadPart}`), key, signature)) return { valid: false, reason: 'forged' };
  const payload = decodeJson(payloadPart);
  if (!payload || !isClaims(payload)) return { valid: false, reason: 'malformed' };
  const nowSeconds = Math.floor((options.now ?? new Date()).getTime() / 1000);
  if (payload.exp <= nowSeconds) return { valid: false, reason: 'expired' };
  if (options.fingerprint !== undefined && payload.fph !== fingerprintHash(options.fingerprint)) return { valid: false, reason: 'fingerprint-mismatch' };
  return { valid: true, claims: payload };
}
