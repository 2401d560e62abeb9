import { newActivationCode } from '@steward/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../platform/db/pool.ts';
import { Problem } from '../../platform/errors.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { addLicenseByCode } from './add-license.ts';
import { revokeLicense } from './revoke-license.ts';
import { customer, issue } from './test-kit.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function substituted(code: string, at: number): string {
  const symbols = [...code];
  const index = at + Math.floor(at / 5);
  symbols[index] = ALPHABET[(ALPHABET.indexOf(symbols[index]) + 1) % 32];
  return symbols.join('');
}

function swapped(code: string): string {
  const plain = code.replaceAll('-', '');
  const at = [...plain].findIndex((symbol, i) => i + 1 < plain.length && symbol !== plain[i + 1]);
  return plain.slice(0, at) + plain[at + 1] + plain[at] + plain.slice(at + 2);
}

/** Deps whose database fails on first touch: what is refused with them was refused before any lookup. */
const withoutDatabase = () => ({
  ...t.deps,
  db: new Proxy(
    {},
    {
      get: () => {
        throw new Error('the database was asked');
      },
    },
  ) as Db,
});

describe('adding a license by code', () => {
  it('[LIC-1] adds a license by its code: the term starts, the account shows it with only the last group', async () => {
    const me = await customer(t);
    const { code } = await issue(t, 'total-security-1y-3');
    const response = await me.browser.request('POST', '/api/account/licenses', { code: code.toLowerCase().replaceAll('-', ' ') });
    expect(response.statusCode).toBe(201);
    const license = response.json();
    expect(license).toMatchObject({
      product: { id: 'total-security', name: 'Steward Total Security' },
      type: { id: 'total-security-1y-3', kind: 'subscription', seats: 3, termDays: 365 },
      codeLastGroup: code.slice(-5),
      status: 'active',
      autoRenew: false,
      seatsUsed: 0,
      activations: [],
    });
    expect(new Date(license.expiresAt).getTime() - new Date(license.startsAt).getTime()).toBe(365 * 86_400_000);
    expect(JSON.stringify(license)).not.toContain(code.slice(0, 5));
    const list = (await me.browser.request('GET', '/api/account/licenses')).json();
    expect(list.map((l: { id: string }) => l.id)).toEqual([license.id]);
  });

  it('[LIC-1] adding the same code again changes nothing; another account is refused with 409', async () => {
    const me = await customer(t);
    const other = await customer(t);
    const { code } = await issue(t, 'mail-protection-1y-1');
    const first = await me.browser.request('POST', '/api/account/licenses', { code });
    t.clock.advance(60_000);
    const again = await me.browser.request('POST', '/api/account/licenses', { code });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    const theirs = await other.browser.request('POST', '/api/account/licenses', { code });
    expect(theirs.statusCode).toBe(409);
    expect(theirs.json().code).toBe('license-already-owned');
    expect((await other.browser.request('GET', '/api/account/licenses')).json()).toEqual([]);
  });

  it('[LIC-1] a mistyped code (one symbol changed, or two neighbours swapped) is a 400 naming `code` before any lookup', async () => {
    const me = await customer(t);
    const { code } = await issue(t, 'total-security-1y-1');
    for (const typo of [substituted(code, 0), substituted(code, 13), substituted(code, 24), swapped(code)]) {
      const response = await me.browser.request('POST', '/api/account/licenses', { code: typo });
      expect(response.statusCode, typo).toBe(400);
      expect(response.json()).toMatchObject({ code: 'validation-failed', errors: [{ field: 'code' }] });
      expect(response.json().detail).toContain('check character');
      await expect(addLicenseByCode(withoutDatabase(), me.userId, typo)).rejects.toMatchObject({ status: 400, errors: [{ field: 'code' }] });
    }
    const short = await me.browser.request('POST', '/api/account/licenses', { code: code.slice(0, -2) });
    expect(short.statusCode).toBe(400);
    expect(short.json().errors[0].field).toBe('code');
    expect(short.json().detail).toContain('five groups');
    await expect(addLicenseByCode(withoutDatabase(), me.userId, 'not a code')).rejects.toBeInstanceOf(Problem);
  });

  it('[LIC-1] a well-formed code nobody issued is looked up and not found (404)', async () => {
    const me = await customer(t);
    const response = await me.browser.request('POST', '/api/account/licenses', { code: newActivationCode() });
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('license-not-found');
  });

  it('[LIC-1] a license bought by the account is already there; a revoked code cannot be added', async () => {
    const me = await customer(t);
    const bought = await issue(t, 'total-security-1y-1', me.userId);
    const again = await me.browser.request('POST', '/api/account/licenses', { code: bought.code });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(bought.id);
    const refunded = await issue(t, 'total-security-1y-1');
    await revokeLicense(t.deps, refunded.id);
    const response = await me.browser.request('POST', '/api/account/licenses', { code: refunded.code });
    expect(response.json().code).toBe('license-revoked');
  });

  it('[LIC-1] codes cannot be guessed: ten attempts a minute per account', async () => {
    const me = await customer(t);
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await me.browser.request('POST', '/api/account/licenses', { code: newActivationCode() })).statusCode);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(404));
    expect(statuses[10]).toBe(429);
    // The limit is the account's: another account from the same address is not held back.
    const other = await customer(t);
    expect((await other.browser.request('POST', '/api/account/licenses', { code: newActivationCode() })).statusCode).toBe(404);
  });
});
