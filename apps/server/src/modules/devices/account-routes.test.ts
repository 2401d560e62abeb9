import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { enrolled, owner } from './device-test-kit.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('the account’s device routes', () => {
  it('refuse another user’s device on every route (404) and leave it untouched', async () => {
    const ada = await owner(t);
    const mallory = await owner(t);
    const phone = await enrolled(t, ada, 'Ada’s phone');
    await phone.checkin({ protectionStatus: 'at-risk', problems: [{ code: 'firewall-off', fixable: true }] });
    const problemId = (await ada.browser.request('GET', '/api/account/devices')).json()[0].problems[0].id;
    const url = `/api/account/devices/${phone.deviceId}`;
    const attempts: Array<[string, 'GET' | 'PATCH' | 'DELETE' | 'POST', unknown]> = [
      [url, 'GET', undefined],
      [url, 'PATCH', { name: 'Mine now' }],
      [url, 'DELETE', undefined],
      [`${url}/token`, 'DELETE', undefined],
      [`${url}/commands`, 'POST', { kind: 'lock', confirm: true }],
      [`${url}/commands`, 'POST', { kind: 'fix', confirm: true, problemId }],
    ];
    for (const [path, method, body] of attempts) {
      const answer = await mallory.browser.request(method, path, body);
      expect(answer.statusCode, `${method} ${path}`).toBe(404);
    }
    expect((await mallory.browser.request('GET', '/api/account/devices')).json()).toEqual([]);
    const untouched = (await ada.browser.request('GET', url)).json();
    expect(untouched).toMatchObject({ name: 'Ada’s phone', commands: [] });
    expect((await phone.checkin()).statusCode).toBe(200);
  });

  it('refuse an anonymous caller on every route (401)', async () => {
    const ada = await owner(t);
    const phone = await enrolled(t, ada);
    const url = `/api/account/devices/${phone.deviceId}`;
    const attempts: Array<[string, 'GET' | 'PATCH' | 'DELETE' | 'POST']> = [
      ['/api/account/devices', 'GET'],
      ['/api/account/devices/enrollments', 'POST'],
      [url, 'GET'],
      [url, 'PATCH'],
      [url, 'DELETE'],
      [`${url}/token`, 'DELETE'],
      [`${url}/commands`, 'POST'],
    ];
    for (const [path, method] of attempts) {
      const answer = await t.app.inject({ method, url: path, payload: method === 'GET' ? undefined : { name: 'x', kind: 'lock', confirm: true } });
      expect(answer.statusCode, `${method} ${path}`).toBe(401);
    }
    expect((await ada.browser.request('GET', url)).json().name).toBe('Test laptop');
  });

  it('rename a device, and list every device with its problems and waiting commands', async () => {
    const me = await owner(t);
    const laptop = await enrolled(t, me, 'Laptop');
    t.clock.advance(1000);
    const phone = await enrolled(t, me, 'Phone');
    await phone.checkin({
      protectionStatus: 'unprotected',
      problems: [{ code: 'realtime-protection-off', detail: 'Switched off by the user', fixable: true }],
    });
    expect((await me.browser.request('POST', `/api/account/devices/${phone.deviceId}/commands`, { kind: 'alarm', confirm: true })).statusCode).toBe(201);
    const renamed = await me.browser.request('PATCH', `/api/account/devices/${laptop.deviceId}`, { name: '  Work laptop ' });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ id: laptop.deviceId, name: 'Work laptop' });
    expect((await me.browser.request('PATCH', `/api/account/devices/${laptop.deviceId}`, { name: '   ' })).statusCode).toBe(400);
    const list = (await me.browser.request('GET', '/api/account/devices')).json();
    expect(
      list.map((d: { name: string; protectionStatus: string; problems: unknown[]; pendingCommands: unknown[] }) => [
        d.name,
        d.protectionStatus,
        d.problems.length,
        d.pendingCommands.length,
      ]),
    ).toEqual([
      ['Work laptop', 'unknown', 0, 0],
      ['Phone', 'unprotected', 1, 1],
    ]);
  });
});
