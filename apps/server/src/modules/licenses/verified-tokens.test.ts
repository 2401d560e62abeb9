import { randomBytes } from 'node:crypto';
import { fingerprintHash } from '@steward/client';
import { describe, expect, it } from 'vitest';
import { DAY_MS, TestClock } from '../../platform/clock.ts';
import type { Config } from '../../platform/config.ts';
import { signLicenseToken } from './sign-license-token.ts';
import { licenseSigningKey } from './signing-key.ts';
import { checkLicenseToken } from './verified-tokens.ts';

describe('remembered license tokens', () => {
  it('[LIC-3] a token checked before still expires, still belongs to one device, and a changed byte is checked afresh', async () => {
    const masterKey = randomBytes(32);
    const clock = new TestClock();
    const deps = { config: { masterKey } as Config, clock };
    const machine = 'machine-a';
    const { token } = await signLicenseToken(deps, {
      licenseId: crypto.randomUUID(),
      activationId: crypto.randomUUID(),
      productId: 'total-security',
      entitlements: ['antivirus'],
      seats: 1,
      machineHash: fingerprintHash(machine),
      expiresAt: null,
    });
    const key = licenseSigningKey(masterKey).publicKey;
    const check = (fingerprint: string) => checkLicenseToken(token, key, { fingerprint, machineHash: fingerprintHash(fingerprint), now: clock.now() });
    expect(check(machine).valid).toBe(true);
    expect(check(machine).valid).toBe(true);
    expect(check('machine-b')).toEqual({ valid: false, reason: 'fingerprint-mismatch' });
    const flipped = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
    expect(checkLicenseToken(flipped, key, { fingerprint: machine, machineHash: fingerprintHash(machine), now: clock.now() })).toMatchObject({ valid: false });
    clock.advance(31 * DAY_MS);
    expect(check(machine)).toEqual({ valid: false, reason: 'expired' });
    const otherKey = licenseSigningKey(randomBytes(32)).publicKey;
    expect(checkLicenseToken(token, otherKey, { fingerprint: machine, machineHash: fingerprintHash(machine), now: new Date() })).toEqual({
      valid: false,
      reason: 'forged',
    });
  });
});
