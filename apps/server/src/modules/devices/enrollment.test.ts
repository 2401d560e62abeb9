import { randomUUID } from 'node:crypto';
import { fingerprintHash } from '@steward/client';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { findAnywhere } from '../../testing/find-anywhere.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { ENROLLMENT_CODE_MS, MAX_LIVE_ENROLLMENT_CODES } from './create-enrollment.ts';
import { deviceApi, owner } from './device-test-kit.ts';
import { enrollmentCodeHash, enrollmentCodeSymbols } from './enrollment-code.ts';
import { device, deviceEnrollment } from './schema.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());
beforeEach(() => t.clock.set(new Date()));

const enroll = (code: string, extra: Record<string, unknown> = {}) =>
  deviceApi(t, null)('/api/v1/devices/enroll', { code, fingerprint: `fp-${randomUUID()}`, name: 'Kitchen PC', platform: 'windows', ...extra });

async function newCode(who: Awaited<ReturnType<typeof owner>>): Promise<string> {
  const response = await who.browser.request('POST', '/api/account/devices/enrollments');
  expect(response.statusCode).toBe(201);
  return response.json().code;
}

describe('[DEV-1] linking a device with a code from the account', () => {
  it('[DEV-1] a device appears only after the user’s code is typed into it, and the code is stored only hashed', async () => {
    const me = await owner(t);
    expect((await me.browser.request('GET', '/api/account/devices')).json()).toEqual([]);
    const created = await me.browser.request('POST', '/api/account/devices/enrollments');
    expect(created.statusCode).toBe(201);
    const { code, expiresAt } = created.json();
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(new Date(expiresAt).getTime()).toBe(t.clock.now().getTime() + ENROLLMENT_CODE_MS);
    expect((await me.browser.request('GET', '/api/account/devices')).json()).toEqual([]);
    expect(await findAnywhere(t.deps.pool, [code, code.replace('-', '')])).toEqual([]);

    const fingerprint = `fp-${randomUUID()}`;
    const answer = await enroll(code, { fingerprint, productVersion: '24.3.1' });
    expect(answer.statusCode).toBe(201);
    expect(answer.json().scopes).toEqual(['checkin', 'commands', 'licenses']);
    const devices = (await me.browser.request('GET', '/api/account/devices')).json();
    expect(devices).toHaveLength(1);
    expect(devices[0]).toMatchObject({
      id: answer.json().deviceId,
      name: 'Kitchen PC',
      platform: 'windows',
      productVersion: '24.3.1',
      protectionStatus: 'unknown',
    });
    const [row] = await t.deps.db.select().from(device).where(eq(device.id, answer.json().deviceId));
    expect(row.machineHash).toBe(fingerprintHash(fingerprint));
    expect(await findAnywhere(t.deps.pool, [fingerprint])).toEqual([]);
  });

  it('[DEV-1] a used, expired, mistyped or made-up code is refused with one and the same problem, and links nothing', async () => {
    const me = await owner(t);
    const used = await newCode(me);
    expect((await enroll(used)).statusCode).toBe(201);
    const expired = await newCode(me);
    t.clock.advance(ENROLLMENT_CODE_MS + 1000);
    const refusals = [used, expired, 'ZZZZ-ZZZZ', 'not a code', 'U'.repeat(8)];
    for (const code of refusals) {
      const answer = await enroll(code);
      expect(answer.statusCode, code).toBe(400);
      expect(answer.json()).toMatchObject({ code: 'enrollment-code-invalid', errors: [{ field: 'code' }] });
    }
    expect((await me.browser.request('GET', '/api/account/devices')).json()).toHaveLength(1);
  });

  it('[DEV-1] a code links the device to the user who made it, never to anyone else', async () => {
    const ada = await owner(t);
    const bob = await owner(t);
    const answer = await enroll(await newCode(ada));
    expect(answer.statusCode).toBe(201);
    expect((await bob.browser.request('GET', '/api/account/devices')).json()).toEqual([]);
    expect((await bob.browser.request('GET', `/api/account/devices/${answer.json().deviceId}`)).statusCode).toBe(404);
    expect((await ada.browser.request('GET', '/api/account/devices')).json().map((d: { id: string }) => d.id)).toEqual([answer.json().deviceId]);
  });

  it('[DEV-1] a reinstalled machine linked again keeps its one device, under a new token', async () => {
    const me = await owner(t);
    const fingerprint = `fp-${randomUUID()}`;
    const first = (await enroll(await newCode(me), { fingerprint })).json();
    const again = await enroll(await newCode(me), { fingerprint, name: 'Kitchen PC (new disk)' });
    expect(again.statusCode).toBe(201);
    expect(again.json().deviceId).toBe(first.deviceId);
    expect(again.json().token).not.toBe(first.token);
    const devices = (await me.browser.request('GET', '/api/account/devices')).json();
    expect(devices.map((d: { name: string }) => d.name)).toEqual(['Kitchen PC (new disk)']);
    const old = await deviceApi(t, first.token)('/api/v1/devices/checkin', { protectionStatus: 'protected', problems: [] });
    expect(old.statusCode).toBe(401);
    const fresh = await deviceApi(t, again.json().token)('/api/v1/devices/checkin', { protectionStatus: 'protected', problems: [] });
    expect(fresh.statusCode).toBe(200);
  });

  it('[DEV-1] signing a device out revokes its token at once; the device stays listed until it is linked again', async () => {
    const me = await owner(t);
    const fingerprint = `fp-${randomUUID()}`;
    const first = (await enroll(await newCode(me), { fingerprint })).json();
    const report = { protectionStatus: 'protected', problems: [] };
    expect((await me.browser.request('DELETE', `/api/account/devices/${first.deviceId}/token`)).statusCode).toBe(204);
    expect((await deviceApi(t, first.token)('/api/v1/devices/checkin', report)).statusCode).toBe(401);
    const listed = (await me.browser.request('GET', '/api/account/devices')).json();
    expect(listed).toHaveLength(1);
    expect(listed[0].signedOutAt).not.toBeNull();
    const again = (await enroll(await newCode(me), { fingerprint })).json();
    expect(again.deviceId).toBe(first.deviceId);
    expect((await deviceApi(t, again.token)('/api/v1/devices/checkin', report)).statusCode).toBe(200);
    expect((await me.browser.request('GET', '/api/account/devices')).json()[0].signedOutAt).toBeNull();
  });

  it('accepts the code as people type it: lower case, without the dash, O for 0 and I or L for 1', async () => {
    const me = await owner(t);
    const code = await newCode(me);
    const typed = code.toLowerCase().replace('-', ' ').replaceAll('0', 'o').replaceAll('1', 'l');
    expect(enrollmentCodeSymbols(typed)).toBe(code.replace('-', ''));
    expect((await enroll(typed)).statusCode).toBe(201);
  });

  it('keeps at most five codes open per user, and one that expired no longer counts', async () => {
    const me = await owner(t);
    for (let i = 0; i < MAX_LIVE_ENROLLMENT_CODES; i++) await newCode(me);
    const sixth = await me.browser.request('POST', '/api/account/devices/enrollments');
    expect(sixth.statusCode).toBe(409);
    expect(sixth.json().code).toBe('too-many-enrollment-codes');
    t.clock.advance(ENROLLMENT_CODE_MS + 1000);
    await newCode(me);
  });

  it('two devices racing with one code: exactly one is linked', async () => {
    const me = await owner(t);
    const code = await newCode(me);
    const answers = await Promise.all([enroll(code), enroll(code), enroll(code)]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 400, 400]);
    const [row] = await t.deps.db
      .select()
      .from(deviceEnrollment)
      .where(eq(deviceEnrollment.codeHash, enrollmentCodeHash(code.replace('-', ''))));
    expect(row.deviceId).toBe(answers.find((a) => a.statusCode === 201)?.json().deviceId);
  });

  it('refuses an anonymous caller asking for a code', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/account/devices/enrollments' });
    expect(response.statusCode).toBe(401);
  });
});
