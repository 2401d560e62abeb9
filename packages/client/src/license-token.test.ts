import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fingerprintHash } from './fingerprint.ts';
import { importLicensePublicKey, LICENSE_TOKEN_ISSUER, LICENSE_TOKEN_TYPE, type LicenseClaims, verifyLicenseToken } from './license-token.ts';

const FINGERPRINT = 'machine-4711';
const NOW = new Date('2027-03-01T12:00:00Z');
const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A compact JWS signed by hand, as Steward's jose signer would make it. */
function tokenFor(privateKey: KeyObject, claims: Partial<LicenseClaims> = {}, header: Record<string, unknown> = {}): string {
  const payload: LicenseClaims = {
    iss: LICENSE_TOKEN_ISSUER,
    sub: '5b0c1d44-8f5e-4b8e-9d59-3f7c1c2b9a11',
    act: '0f4b3a2e-1c5d-4e6f-8a9b-0c1d2e3f4a5b',
    product: 'total-security',
    entitlements: ['antivirus', 'firewall'],
    seats: 3,
    fph: fingerprintHash(FINGERPRINT),
    licenseExp: seconds(NOW) + 300 * 86_400,
    iat: seconds(NOW),
    exp: seconds(NOW) + 30 * 86_400,
    ...claims,
  };
  const signingInput = `${encode({ alg: 'EdDSA', typ: LICENSE_TOKEN_TYPE, kid: 'k1', ...header })}.${encode(payload)}`;
  return `${signingInput}.${sign(null, Buffer.from(signingInput), privateKey).toString('base64url')}`;
}

const steward = generateKeyPairSync('ed25519');
const publicKey = importLicensePublicKey(steward.publicKey.export({ format: 'jwk' }));

describe('offline license tokens', () => {
  it('[LIC-3] a genuine token is valid on its device with the published key alone', () => {
    const result = verifyLicenseToken(tokenFor(steward.privateKey), publicKey, { fingerprint: FINGERPRINT, now: NOW });
    expect(result).toMatchObject({ valid: true, claims: { product: 'total-security', entitlements: ['antivirus', 'firewall'], seats: 3 } });
  });

  it('refuses a token signed with another key as forged', () => {
    const other = generateKeyPairSync('ed25519');
    expect(verifyLicenseToken(tokenFor(other.privateKey), publicKey, { now: NOW })).toEqual({ valid: false, reason: 'forged' });
  });

  it('refuses a tampered payload as forged', () => {
    const [header, payload, signature] = tokenFor(steward.privateKey).split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const tampered = `${header}.${encode({ ...claims, seats: 100, entitlements: [...claims.entitlements, 'anti-theft'] })}.${signature}`;
    expect(verifyLicenseToken(tampered, publicKey, { now: NOW })).toEqual({ valid: false, reason: 'forged' });
  });

  it('refuses an expired token, and one used on another device', () => {
    const token = tokenFor(steward.privateKey);
    expect(verifyLicenseToken(token, publicKey, { now: new Date(NOW.getTime() + 31 * 86_400_000) })).toEqual({ valid: false, reason: 'expired' });
    expect(verifyLicenseToken(token, publicKey, { fingerprint: 'another-machine', now: NOW })).toEqual({ valid: false, reason: 'fingerprint-mismatch' });
  });

  it('refuses what is not a Steward license token as malformed', () => {
    expect(verifyLicenseToken('not.a-token', publicKey)).toEqual({ valid: false, reason: 'malformed' });
    expect(verifyLicenseToken(tokenFor(steward.privateKey, {}, { alg: 'none' }), publicKey, { now: NOW })).toEqual({ valid: false, reason: 'malformed' });
    expect(verifyLicenseToken(tokenFor(steward.privateKey, {}, { typ: 'JWT' }), publicKey, { now: NOW })).toEqual({ valid: false, reason: 'malformed' });
    expect(verifyLicenseToken(tokenFor(steward.privateKey, { iss: 'someone-else' }), publicKey, { now: NOW })).toEqual({ valid: false, reason: 'malformed' });
  });

  it('imports only an Ed25519 key', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
    expect(() => importLicensePublicKey(rsa.publicKey.export({ format: 'jwk' }))).toThrow(/Ed25519/);
  });
});
