import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DAY_MS } from '../../platform/clock.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { licensesToAutoRenew } from './auto-renew.ts';
import { ensureCatalogue, LICENSE_TYPES, licenseTypeOf, listOffers } from './catalogue.ts';
import { licenseOwner, renewLicense } from './renew-license.ts';
import { revokeLicense } from './revoke-license.ts';
import { customer, issue } from './test-kit.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());
beforeEach(() => t.clock.set(new Date()));

describe('the catalogue', () => {
  it('is in place at start, and writing it again changes nothing', async () => {
    const before = await listOffers(t.deps);
    await Promise.all([ensureCatalogue(t.deps), ensureCatalogue(t.deps)]);
    const after = await listOffers(t.deps);
    expect(after).toEqual(before);
    expect(after.map((o) => o.id).sort()).toEqual(LICENSE_TYPES.map((type) => type.id).sort());
    expect(await licenseTypeOf(t.deps, 'total-security-trial-30d')).toEqual({
      id: 'total-security-trial-30d',
      productId: 'total-security',
      productName: 'Steward Total Security',
      name: '30-day trial',
      kind: 'trial',
      seats: 1,
      termDays: 30,
      priceCents: 0,
      currency: 'EUR',
    });
    expect(await licenseTypeOf(t.deps, 'no-such-type')).toBeNull();
  });
});

describe('services for the store', () => {
  it('renews from the end of a running term, or from now once lapsed; a perpetual or revoked license is not renewed', async () => {
    const me = await customer(t);
    const running = await issue(t, 'total-security-1y-1', me.userId);
    const start = t.clock.now().getTime();
    expect((await renewLicense(t.deps, { licenseId: running.id, termDays: 365 })).expiresAt.getTime()).toBe(start + 730 * DAY_MS);
    const lapsed = await issue(t, 'total-security-trial-30d', me.userId);
    t.clock.advance(40 * DAY_MS);
    expect((await renewLicense(t.deps, { licenseId: lapsed.id, termDays: 30 })).expiresAt.getTime()).toBe(t.clock.now().getTime() + 30 * DAY_MS);
    const perpetual = await issue(t, 'total-security-perpetual-1', me.userId);
    await expect(renewLicense(t.deps, { licenseId: perpetual.id, termDays: 365 })).rejects.toMatchObject({ code: 'license-not-renewable' });
    await revokeLicense(t.deps, running.id);
    await expect(renewLicense(t.deps, { licenseId: running.id, termDays: 365 })).rejects.toMatchObject({ code: 'license-revoked' });
    await expect(renewLicense(t.deps, { licenseId: crypto.randomUUID(), termDays: 365 })).rejects.toMatchObject({ code: 'license-not-found' });
  });

  it('tells who owns a license; revoking twice reports the second as a no-op', async () => {
    const me = await customer(t);
    const owned = await issue(t, 'mail-protection-1y-1', me.userId);
    const loose = await issue(t, 'mail-protection-1y-1');
    expect(await licenseOwner(t.deps, owned.id)).toBe(me.userId);
    expect(await licenseOwner(t.deps, loose.id)).toBeNull();
    expect(await revokeLicense(t.deps, owned.id)).toBe(true);
    expect(await revokeLicense(t.deps, owned.id)).toBe(false);
  });

  it('[LIC-2] lists for auto-renewal only the subscriptions whose owner turned it on', async () => {
    const me = await customer(t);
    const chosen = await issue(t, 'total-security-1y-3', me.userId);
    const notChosen = await issue(t, 'total-security-1y-1', me.userId);
    await me.browser.request('PATCH', `/api/account/licenses/${chosen.id}`, { autoRenew: true });
    const due = await licensesToAutoRenew(t.deps, new Date(t.clock.now().getTime() + 366 * DAY_MS));
    const ids = due.map((d) => d.licenseId);
    expect(ids).toContain(chosen.id);
    expect(ids).not.toContain(notChosen.id);
    expect(await licensesToAutoRenew(t.deps, new Date(t.clock.now().getTime() + 300 * DAY_MS))).not.toContainEqual(
      expect.objectContaining({ licenseId: chosen.id }),
    );
    await revokeLicense(t.deps, chosen.id);
    expect((await licensesToAutoRenew(t.deps, new Date(t.clock.now().getTime() + 366 * DAY_MS))).map((d) => d.licenseId)).not.toContain(chosen.id);
  });
});
