import { createHash, createPrivateKey, createPublicKey, hkdfSync, type KeyObject } from 'node:crypto';

const HKDF_INFO = 'steward license signing key v1';
// An Ed25519 private key in PKCS#8 DER is this fixed prefix followed by the 32-byte seed.
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

export interface LicensePublicJwk {
  kty: 'OKP';
  crv: 'Ed25519';
  x: string;
  kid: string;
  alg: 'EdDSA';
  use: 'sig';
}

export interface LicenseSigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  jwk: LicensePublicJwk;
  kid: string;
}

const derived = new WeakMap<Buffer, LicenseSigningKey>();

/**
 * The license signing key follows from the master key, so every node signs alike and nothing
 * more is stored; installed products keep the public half and verify offline.
 */
export function licenseSigningKey(masterKey: Buffer): LicenseSigningKey {
  const cached = derived.get(masterKey);
  if (cached) return cached;
  const seed = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), HKDF_INFO, 32));
  const privateKey = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: 'der', type: 'pkcs8' });
  const publicKey = createPublicKey(privateKey);
  const { x } = publicKey.export({ format: 'jwk' });
  // RFC 7638 thumbprint: the required members in lexical order, no spaces.
  const kid = createHash('sha256')
    .update(JSON.stringify({ crv: 'Ed25519', kty: 'OKP', x }))
    .digest('base64url');
  const key: LicenseSigningKey = { privateKey, publicKey, kid, jwk: { kty: 'OKP', crv: 'Ed25519', x: x as string, kid, alg: 'EdDSA', use: 'sig' } };
  derived.set(masterKey, key);
  return key;
}
