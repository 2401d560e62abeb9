import { LICENSE_TOKEN_ISSUER, LICENSE_TOKEN_TYPE, type LicenseClaims } from '@steward/client';
import { SignJWT } from 'jose';
import { DAY_MS } from '../../platform/clock.ts';
import type { Deps } from '../../platform/deps.ts';
import { licenseSigningKey } from './signing-key.ts';

/** A token lives at most this long, so a product checks in now and then and learns of renewals and revocations. */
export const TOKEN_LIFETIME_MS = 30 * DAY_MS;

export interface TokenSubject {
  licenseId: string;
  activationId: string;
  productId: string;
  entitlements: string[];
  seats: number;
  machineHash: string;
  expiresAt: Date | null;
}

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

/** An Ed25519-signed JWT the product verifies offline with the published key (LIC-3: a record, never a key file). */
export async function signLicenseToken(deps: Pick<Deps, 'config' | 'clock'>, subject: TokenSubject): Promise<{ token: string; expiresAt: Date }> {
  const now = deps.clock.now();
  const refreshBy = new Date(now.getTime() + TOKEN_LIFETIME_MS);
  const expiresAt = subject.expiresAt && subject.expiresAt < refreshBy ? subject.expiresAt : refreshBy;
  const claims: LicenseClaims = {
    iss: LICENSE_TOKEN_ISSUER,
    sub: subject.licenseId,
    act: subject.activationId,
    product: subject.productId,
    entitlements: subject.entitlements,
    seats: subject.seats,
    fph: subject.machineHash,
    ...(subject.expiresAt ? { licenseExp: seconds(subject.expiresAt) } : {}),
    iat: seconds(now),
    exp: seconds(expiresAt),
  };
  const key = licenseSigningKey(deps.config.masterKey);
  const token = await new SignJWT({ ...claims }).setProtectedHeader({ alg: 'EdDSA', typ: LICENSE_TOKEN_TYPE, kid: key.kid }).sign(key.privateKey);
  return { token, expiresAt: new Date(seconds(expiresAt) * 1000) };
}
