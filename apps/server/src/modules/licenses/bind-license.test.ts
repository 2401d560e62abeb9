import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY_MS } from '../../platform/clock.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { releaseDeviceSeats } from './bind-license.ts';
import { revokeLicense } from './revoke-license.ts';
import { customer, issue, linkDevice } from './test-kit.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const bindings = (licenseId: string) => `/api/account/licenses/${licenseId}/bindings`;

describe('binding a license to devices', () => {
  it('[LIC-1] binds to own devices within the seat count, refuses one more (409 seats-exceeded), and unbinding frees a seat', async () => {
    const me = await customer(t);
    const license = await issue(t, 'total-security-1y-3', me.userId);
    const devices = await Promise.all(['a', 'b', 'c', 'd'].map((f) => linkDevice(t, me.userId, `fp-${f}-${license.id}`, `Device ${f}`)));
    const bound = [];
    for (const device of devices.slice(0, 3)) {
      const response = await me.browser.request('POST', bindings(license.id), { deviceId: device.id });
      expect(response.statusCode).toBe(201);
      expect(response.json()).toMatchObject({ deviceId: device.id, deviceName: device.name });
      bound.push(response.json());
    }
    const fourth = await me.browser.request('POST', bindings(license.id), { deviceId: devices[3].id });
    expect(fourth.statusCode).toBe(409);
    expect(fourth.json().code).toBe('seats-exceeded');
    const view = (await me.browser.request('GET', '/api/account/licenses')).json()[0];
    expect(view.seatsUsed).toBe(3);
    expect(view.activations.map((a: { deviceName: string }) => a.deviceName).sort()).toEqual(['Device a', 'Device b', 'Device c']);

    expect((await me.browser.request('DELETE', `${bindings(license.id)}/${bound[0].id}`)).statusCode).toBe(204);
    expect((await me.browser.request('DELETE', `${bindings(license.id)}/${bound[0].id}`)).statusCode).toBe(404);
    expect((await me.browser.request('POST', bindings(license.id), { deviceId: devices[3].id })).statusCode).toBe(201);
    expect((await me.browser.request('GET', '/api/account/licenses')).json()[0].seatsUsed).toBe(3);
  });

  it('[LIC-1] binding a device twice keeps one seat', async () => {
    const me = await customer(t);
    const license = await issue(t, 'total-security-1y-1', me.userId);
    const device = await linkDevice(t, me.userId, `fp-twice-${license.id}`);
    const first = await me.browser.request('POST', bindings(license.id), { deviceId: device.id });
    const second = await me.browser.request('POST', bindings(license.id), { deviceId: device.id });
    expect(second.json().id).toBe(first.json().id);
    expect((await me.browser.request('GET', '/api/account/licenses')).json()[0].seatsUsed).toBe(1);
  });

  it('[LIC-1] two devices racing for the last seat cannot both get it', async () => {
    const me = await customer(t);
    const license = await issue(t, 'total-security-1y-3', me.userId);
    const devices = await Promise.all(Array.from({ length: 6 }, (_, i) => linkDevice(t, me.userId, `fp-race-${i}-${license.id}`)));
    const responses = await Promise.all(devices.map((d) => me.browser.request('POST', bindings(license.id), { deviceId: d.id })));
    expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 201, 201, 409, 409, 409]);
    expect((await me.browser.request('GET', '/api/account/licenses')).json()[0].seatsUsed).toBe(3);
  });

  it('[LIC-1] an expired or revoked license takes no device', async () => {
    const me = await customer(t);
    const device = await linkDevice(t, me.userId, `fp-ended-${me.userId}`);
    const trial = await issue(t, 'total-security-trial-30d', me.userId);
    const revoked = await issue(t, 'total-security-1y-1', me.userId);
    await revokeLicense(t.deps, revoked.id);
    const refused = await me.browser.request('POST', bindings(revoked.id), { deviceId: device.id });
    expect(refused.json().code).toBe('license-revoked');
    t.clock.advance(31 * DAY_MS);
    const expired = await me.browser.request('POST', bindings(trial.id), { deviceId: device.id });
    expect(expired.statusCode).toBe(409);
    expect(expired.json().code).toBe('license-expired');
    const statuses = (await me.browser.request('GET', '/api/account/licenses')).json().map((l: { id: string; status: string }) => [l.id, l.status]);
    expect(Object.fromEntries(statuses)).toEqual({ [trial.id]: 'expired', [revoked.id]: 'revoked' });
  });

  it("[LIC-1] another account's device, or another account's license, is not found (404)", async () => {
    const me = await customer(t);
    const other = await customer(t);
    const mine = await issue(t, 'total-security-1y-3', me.userId);
    const theirs = await issue(t, 'total-security-1y-3', other.userId);
    const myDevice = await linkDevice(t, me.userId, `fp-mine-${mine.id}`);
    const theirDevice = await linkDevice(t, other.userId, `fp-theirs-${theirs.id}`);
    const foreignDevice = await me.browser.request('POST', bindings(mine.id), { deviceId: theirDevice.id });
    expect(foreignDevice.statusCode).toBe(404);
    const foreignLicense = await me.browser.request('POST', bindings(theirs.id), { deviceId: myDevice.id });
    expect(foreignLicense.statusCode).toBe(404);
    expect(foreignLicense.json().code).toBe('license-not-found');
    const theirBinding = (await other.browser.request('POST', bindings(theirs.id), { deviceId: theirDevice.id })).json();
    expect((await me.browser.request('DELETE', `${bindings(theirs.id)}/${theirBinding.id}`)).statusCode).toBe(404);
    expect((await me.browser.request('DELETE', `${bindings(mine.id)}/${theirBinding.id}`)).statusCode).toBe(404);
    expect((await other.browser.request('GET', '/api/account/licenses')).json()[0].seatsUsed).toBe(1);
  });

  it('an unlinked device gives its seats back', async () => {
    const me = await customer(t);
    const license = await issue(t, 'total-security-1y-1', me.userId);
    const device = await linkDevice(t, me.userId, `fp-unlinked-${license.id}`);
    await me.browser.request('POST', bindings(license.id), { deviceId: device.id });
    expect(await releaseDeviceSeats(t.deps, me.userId, device.id)).toBe(1);
    expect((await me.browser.request('GET', '/api/account/licenses')).json()[0].seatsUsed).toBe(0);
  });
});
