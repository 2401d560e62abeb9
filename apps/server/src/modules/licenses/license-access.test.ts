import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client } from '../../testing/accounts-client.ts';
import { createTestApp, newVisitor, type TestApp } from '../../testing/harness.ts';
import { customer, issue, linkDevice } from './test-kit.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe("another account's license", () => {
  it('[LIC-1] is refused (404) on every account route, and an anonymous caller is refused (401)', async () => {
    const owner = await customer(t);
    const intruder = await customer(t);
    const license = await issue(t, 'total-security-1y-3', owner.userId);
    const ownerDevice = await linkDevice(t, owner.userId, `fp-owner-${license.id}`);
    const intruderDevice = await linkDevice(t, intruder.userId, `fp-intruder-${license.id}`);
    const binding = (await owner.browser.request('POST', `/api/account/licenses/${license.id}/bindings`, { deviceId: ownerDevice.id })).json();

    const attempts: Array<['POST' | 'PATCH' | 'DELETE', string, unknown, string]> = [
      ['PATCH', `/api/account/licenses/${license.id}`, { autoRenew: true }, 'license-not-found'],
      ['POST', `/api/account/licenses/${license.id}/bindings`, { deviceId: intruderDevice.id }, 'license-not-found'],
      ['DELETE', `/api/account/licenses/${license.id}/bindings/${binding.id}`, undefined, 'binding-not-found'],
    ];
    for (const [method, url, body, code] of attempts) {
      const response = await intruder.browser.request(method, url, body);
      expect(response.statusCode, `${method} ${url}`).toBe(404);
      expect(response.json().code, `${method} ${url}`).toBe(code);
    }
    const added = await intruder.browser.request('POST', '/api/account/licenses', { code: license.code });
    expect(added.statusCode).toBe(409);
    expect((await intruder.browser.request('GET', '/api/account/licenses')).json()).toEqual([]);

    const anonymous = client(t, newVisitor());
    const everyRoute: Array<['GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', string, unknown]> = [
      ...attempts.map(([method, url, body]) => [method, url, body] as ['PATCH', string, unknown]),
      ['GET', '/api/account/licenses', undefined],
      ['POST', '/api/account/licenses', { code: license.code }],
      ['GET', '/api/account/license-reminders', undefined],
      ['PUT', '/api/account/license-reminders', { reminders: true }],
    ];
    for (const [method, url, body] of everyRoute) {
      expect((await anonymous.request(method, url, body)).statusCode, `${method} ${url}`).toBe(401);
    }
    const [view] = (await owner.browser.request('GET', '/api/account/licenses')).json();
    expect(view).toMatchObject({ autoRenew: false, seatsUsed: 1 });
  });
});
