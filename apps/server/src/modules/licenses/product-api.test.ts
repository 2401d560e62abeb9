import { generateKeyPairSync } from 'node:crypto';
import { fingerprintHash, importLicensePublicKey, LICENSE_TOKEN_TYPE, newActivationCode, verifyLicenseToken } from '@steward/client';
import { calculateJwkThumbprint, decodeProtectedHeader, SignJWT } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DAY_MS } from '../../platform/clock.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { revokeLicense } from './revoke-license.ts';
import { customer, issue, linkDevice, product } from './test-kit.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());
beforeEach(() => t.clock.set(new Date()));

const fingerprint = () => `fp-${crypto.randomUUID()}`;

async function publicKey() {
  return importLicensePublicKey((await product(t)('GET', '/api/v1/license-key')).json());
}

async function activate(code: string, machine: string, extra: Record<string, unknown> = {}) {
  return product(t)('POST', '/api/v1/activations', { code, fingerprint: machine, ...extra });
}

async function validate(body: Record<string, unknown>) {
  const response = await product(t)('POST', '/api/v1/licenses/validate', body);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());

describe('license tokens', () => {
  it('[LIC-3] the public key is published as an Ed25519 JWK whose kid is its SHA-256 thumbprint', async () => {
    const response = await product(t)('GET', '/api/v1/license-key');
    expect(response.statusCode).toBe(200);
    const jwk = response.json();
    expect(jwk).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig' });
    expect(jwk.d).toBeUndefined();
    expect(jwk.kid).toBe(await calculateJwkThumbprint(jwk, 'sha256'));
  });

  it('[LIC-3] activation by code gives a token the product verifies offline with the client library', async () => {
    const { id, code } = await issue(t, 'total-security-1y-3');
    const machine = fingerprint();
    const response = await activate(code, machine);
    expect(response.statusCode).toBe(201);
    const { token, activationId, licenseId, tokenExpiresAt } = response.json();
    expect(licenseId).toBe(id);
    const offline = verifyLicenseToken(token, await publicKey(), { fingerprint: machine, now: t.clock.now() });
    expect(offline).toMatchObject({
      valid: true,
      claims: { iss: 'steward', sub: id, act: activationId, product: 'total-security', seats: 3, fph: fingerprintHash(machine) },
    });
    if (!offline.valid) return;
    expect(offline.claims.entitlements).toEqual(['antivirus', 'firewall', 'anti-theft', 'web-protection']);
    // The term of a license sold without an owner starts at its first activation; the token is refreshed within 30 days.
    expect(offline.claims.licenseExp).toBe(Math.floor((t.clock.now().getTime() + 365 * DAY_MS) / 1000));
    expect(offline.claims.exp).toBe(Math.floor((t.clock.now().getTime() + 30 * DAY_MS) / 1000));
    expect(new Date(tokenExpiresAt).getTime()).toBe(offline.claims.exp * 1000);
    expect(decodeProtectedHeader(token)).toMatchObject({
      alg: 'EdDSA',
      typ: LICENSE_TOKEN_TYPE,
      kid: (await product(t)('GET', '/api/v1/license-key')).json().kid,
    });
    expect(await validate({ token, fingerprint: machine })).toEqual({
      valid: true,
      licenseId: id,
      expiresAt: new Date(t.clock.now().getTime() + 365 * DAY_MS).toISOString(),
      entitlements: offline.claims.entitlements,
    });
    expect((await activate(code, machine)).json().activationId).toBe(activationId);
  });

  it('[LIC-3] a token expires no later than its license', async () => {
    const me = await customer(t);
    const { code } = await issue(t, 'total-security-trial-30d', me.userId);
    t.clock.advance(20 * DAY_MS);
    const { token } = (await activate(code, fingerprint())).json();
    expect(claimsOf(token).exp).toBe(claimsOf(token).licenseExp);
  });

  it('[LIC-3] a forged token (another key) or a tampered payload is refused offline and online', async () => {
    const { code } = await issue(t, 'total-security-1y-1');
    const machine = fingerprint();
    const { token } = (await activate(code, machine)).json();
    const key = await publicKey();
    const intruder = generateKeyPairSync('ed25519');
    const forged = await new SignJWT({ ...claimsOf(token), seats: 99 }).setProtectedHeader({ alg: 'EdDSA', typ: LICENSE_TOKEN_TYPE }).sign(intruder.privateKey);
    expect(verifyLicenseToken(forged, key, { now: t.clock.now() })).toEqual({ valid: false, reason: 'forged' });
    expect(await validate({ token: forged, fingerprint: machine })).toEqual({ valid: false, reason: 'unknown' });
    const [header, , signature] = token.split('.');
    const payload = Buffer.from(JSON.stringify({ ...claimsOf(token), entitlements: ['everything'] })).toString('base64url');
    const tampered = `${header}.${payload}.${signature}`;
    expect(verifyLicenseToken(tampered, key, { now: t.clock.now() })).toEqual({ valid: false, reason: 'forged' });
    expect(await validate({ token: tampered, fingerprint: machine })).toEqual({ valid: false, reason: 'unknown' });
    expect(await validate({ token: 'not-a-token', fingerprint: machine })).toEqual({ valid: false, reason: 'unknown' });
  });

  it('[LIC-3] an expired token or license is refused: offline, on validation and on activation', async () => {
    const { code } = await issue(t, 'total-security-trial-30d');
    const machine = fingerprint();
    const { token } = (await activate(code, machine)).json();
    t.clock.advance(31 * DAY_MS);
    expect(verifyLicenseToken(token, await publicKey(), { now: t.clock.now() })).toEqual({ valid: false, reason: 'expired' });
    expect(await validate({ token, fingerprint: machine })).toEqual({ valid: false, reason: 'expired' });
    expect(await validate({ code, fingerprint: machine })).toEqual({ valid: false, reason: 'expired' });
    const again = await activate(code, machine);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('license-expired');
  });

  it('[LIC-3] a revoked license fails validation as revoked and takes no activation', async () => {
    const { id, code } = await issue(t, 'total-security-1y-1');
    const machine = fingerprint();
    const { token } = (await activate(code, machine)).json();
    expect(await revokeLicense(t.deps, id)).toBe(true);
    expect(await validate({ token, fingerprint: machine })).toEqual({ valid: false, reason: 'revoked' });
    expect(await validate({ code, fingerprint: machine })).toEqual({ valid: false, reason: 'revoked' });
    expect((await activate(code, machine)).json().code).toBe('license-revoked');
  });

  it('[LIC-1] seats: one machine per seat; a new machine beyond them is refused', async () => {
    const { code } = await issue(t, 'total-security-1y-1');
    const first = fingerprint();
    const second = fingerprint();
    const { token } = (await activate(code, first)).json();
    const refused = await activate(code, second);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('seats-exceeded');
    expect(await validate({ code, fingerprint: first })).toMatchObject({ valid: true });
    expect(await validate({ code, fingerprint: second })).toEqual({ valid: false, reason: 'seats-exceeded' });
    expect(await validate({ token, fingerprint: second })).toEqual({ valid: false, reason: 'fingerprint-mismatch' });
  });

  it('validation reasons: a machine without a seat hears fingerprint-mismatch while a seat is free, seats-exceeded once none is', async () => {
    const me = await customer(t);
    const { id, code } = await issue(t, 'total-security-1y-3');
    const machines = [fingerprint(), fingerprint(), fingerprint(), fingerprint()];
    const { token } = (await activate(code, machines[0])).json();
    expect(await validate({ code, fingerprint: machines[3] })).toEqual({ valid: false, reason: 'fingerprint-mismatch' });
    expect(await validate({ code: newActivationCode(), fingerprint: machines[0] })).toEqual({ valid: false, reason: 'unknown' });

    // The owner releases the first machine's seat in the web; its token no longer validates.
    await me.browser.request('POST', '/api/account/licenses', { code });
    const license = (await me.browser.request('GET', '/api/account/licenses')).json()[0];
    await me.browser.request('DELETE', `/api/account/licenses/${id}/bindings/${license.activations[0].id}`);
    expect(await validate({ token, fingerprint: machines[0] })).toEqual({ valid: false, reason: 'fingerprint-mismatch' });
    for (const machine of machines.slice(1)) expect((await activate(code, machine)).statusCode).toBe(201);
    expect(await validate({ token, fingerprint: machines[0] })).toEqual({ valid: false, reason: 'seats-exceeded' });
  });

  it('validation marks when a seat was last seen, at most once an hour', async () => {
    const me = await customer(t);
    const { code } = await issue(t, 'total-security-1y-1', me.userId);
    const machine = fingerprint();
    const { token } = (await activate(code, machine)).json();
    const lastSeen = async () => (await me.browser.request('GET', '/api/account/licenses')).json()[0].activations[0].lastValidatedAt;
    expect(await lastSeen()).toBeNull();
    await validate({ token, fingerprint: machine });
    const first = await lastSeen();
    expect(first).toBe(t.clock.now().toISOString());
    t.clock.advance(30 * 60 * 1000);
    await validate({ token, fingerprint: machine });
    expect(await lastSeen()).toBe(first);
    t.clock.advance(31 * 60 * 1000);
    await validate({ code, fingerprint: machine });
    expect(await lastSeen()).toBe(t.clock.now().toISOString());
  });
});

describe('the product API refuses bad input', () => {
  it('[LIC-1] a mistyped code is a 400 naming `code`, on activation and on validation', async () => {
    const { code } = await issue(t, 'total-security-1y-1');
    const typo = `${code.slice(0, -1)}${code.endsWith('0') ? '1' : '0'}`;
    for (const response of [await activate(typo, fingerprint()), await product(t)('POST', '/api/v1/licenses/validate', { code: typo, fingerprint: 'x' })]) {
      expect(response.statusCode).toBe(400);
      expect(response.json().errors[0].field).toBe('code');
      expect(response.json().detail).toContain('check character');
    }
    expect((await activate(newActivationCode(), fingerprint())).json().code).toBe('license-not-found');
  });

  it('validation takes exactly one of a code or a token; activation without a device token needs a code', async () => {
    const both = await product(t)('POST', '/api/v1/licenses/validate', { code: newActivationCode(), token: 'a.b.c', fingerprint: 'x' });
    const neither = await product(t)('POST', '/api/v1/licenses/validate', { fingerprint: 'x' });
    for (const response of [both, neither]) {
      expect(response.statusCode).toBe(400);
      expect(response.json().errors[0].field).toBe('code');
    }
    const noCode = await product(t)('POST', '/api/v1/activations', { fingerprint: 'x' });
    expect(noCode.json().errors[0].field).toBe('code');
    const licenseOnly = await product(t)('POST', '/api/v1/activations', { licenseId: crypto.randomUUID(), fingerprint: 'x' });
    expect(licenseOnly.json().errors[0].field).toBe('licenseId');
  });

  it('activations are rate-limited per address', async () => {
    const call = product(t);
    const statuses: number[] = [];
    for (let i = 0; i < 61; i++) statuses.push((await call('POST', '/api/v1/activations', { code: newActivationCode(), fingerprint: 'x' })).statusCode);
    expect(statuses.filter((s) => s === 404)).toHaveLength(60);
    expect(statuses[60]).toBe(429);
  });
});

describe('activation by device token', () => {
  it('[LIC-1] a linked device fetches a token for a license its owner bound to it in the web', async () => {
    const me = await customer(t);
    const machine = fingerprint();
    const device = await linkDevice(t, me.userId, machine, 'Office PC');
    const license = await issue(t, 'total-security-1y-3', me.userId);
    const bearer = { authorization: `Bearer ${device.token}` };
    const unbound = await product(t)('POST', '/api/v1/activations', { licenseId: license.id, fingerprint: machine }, bearer);
    expect(unbound.statusCode).toBe(404);
    const binding = (await me.browser.request('POST', `/api/account/licenses/${license.id}/bindings`, { deviceId: device.id })).json();
    const response = await product(t)('POST', '/api/v1/activations', { licenseId: license.id, fingerprint: machine }, bearer);
    expect(response.statusCode).toBe(201);
    expect(response.json().activationId).toBe(binding.id);
    expect(verifyLicenseToken(response.json().token, await publicKey(), { fingerprint: machine, now: t.clock.now() }).valid).toBe(true);

    const elsewhere = await product(t)('POST', '/api/v1/activations', { licenseId: license.id, fingerprint: fingerprint() }, bearer);
    expect(elsewhere.json().code).toBe('fingerprint-mismatch');
    const forged = await product(t)(
      'POST',
      '/api/v1/activations',
      { licenseId: license.id, fingerprint: machine },
      { authorization: `Bearer ${device.id}.${'x'.repeat(43)}` },
    );
    expect(forged.statusCode).toBe(401);
    const withCode = await product(t)('POST', '/api/v1/activations', { code: license.code, fingerprint: machine }, bearer);
    expect(withCode.json().errors[0].field).toBe('code');
  });

  it("[LIC-1] a device cannot fetch another account's license", async () => {
    const me = await customer(t);
    const other = await customer(t);
    const machine = fingerprint();
    const myDevice = await linkDevice(t, me.userId, machine);
    const theirs = await issue(t, 'total-security-1y-3', other.userId);
    const response = await product(t)(
      'POST',
      '/api/v1/activations',
      { licenseId: theirs.id, fingerprint: machine },
      { authorization: `Bearer ${myDevice.token}` },
    );
    expect(response.statusCode).toBe(404);
  });

  it('[LIC-1] a product activated by code on a linked machine shows as that device; a named machine shows its name', async () => {
    const me = await customer(t);
    const machine = fingerprint();
    const device = await linkDevice(t, me.userId, machine, 'Kitchen laptop');
    const license = await issue(t, 'total-security-1y-3', me.userId);
    await activate(license.code, machine);
    t.clock.advance(1000);
    await activate(license.code, fingerprint(), { deviceName: 'Study desktop' });
    const [view] = (await me.browser.request('GET', '/api/account/licenses')).json();
    expect(view.activations.map((a: { deviceId: string | null; deviceName: string }) => [a.deviceId, a.deviceName])).toEqual([
      [device.id, 'Kitchen laptop'],
      [null, 'Study desktop'],
    ]);
  });
});
