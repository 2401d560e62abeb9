import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { client } from '../../testing/accounts-client.ts';
import { newVisitor, type TestApp } from '../../testing/harness.ts';
import { createEnrollment } from './create-enrollment.ts';
import { enrollDevice } from './enroll-device.ts';

/** Test helpers for the devices module: owners, enrolled devices, and the product API as a device calls it. */

export async function owner(t: TestApp) {
  const visitor = newVisitor();
  const browser = await client(t, visitor).register();
  const userId: string = (await browser.request('GET', '/api/account')).json().id;
  return { browser, visitor, userId };
}

export type Owner = Awaited<ReturnType<typeof owner>>;

/** The product API as an installed product calls it: no cookie, its own token and address. */
export function deviceApi(t: TestApp, token: string | null, ip = newVisitor().ip) {
  return (url: string, payload: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> =>
    t.app.inject({
      method: 'POST',
      url,
      remoteAddress: ip,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      payload: JSON.stringify(payload),
    });
}

/** A device the owner linked through the web and the product API, as DEV-1 wants it. */
export async function enrolled(t: TestApp, who: Owner, name = 'Test laptop') {
  const created = await who.browser.request('POST', '/api/account/devices/enrollments');
  if (created.statusCode !== 201) throw new Error(`enrollment code: ${created.statusCode} ${created.body}`);
  const answer = await deviceApi(t, null)('/api/v1/devices/enroll', { code: created.json().code, fingerprint: randomUUID(), name, platform: 'windows' });
  if (answer.statusCode !== 201) throw new Error(`enroll: ${answer.statusCode} ${answer.body}`);
  const { deviceId, token } = answer.json() as { deviceId: string; token: string };
  const call = deviceApi(t, token);
  return {
    deviceId,
    token,
    checkin: (report: unknown = { protectionStatus: 'protected', problems: [] }) => call('/api/v1/devices/checkin', report),
    ack: (commandId: string, body: unknown = { status: 'acknowledged' }) => call(`/api/v1/devices/commands/${commandId}/ack`, body),
  };
}

/** Many devices for one user through the services, without the web's rate limits. */
export async function manyDevices(t: TestApp, userId: string, count: number): Promise<Array<{ deviceId: string; token: string }>> {
  const devices: Array<{ deviceId: string; token: string }> = [];
  for (let i = 0; i < count; i++) {
    const { code } = await createEnrollment(t.deps, userId);
    devices.push(await enrollDevice(t.deps, { code, fingerprint: randomUUID(), name: `Device ${i}`, platform: 'linux' }));
  }
  return devices;
}
