import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAnywhere } from '../../testing/find-anywhere.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { deviceApi, enrolled, owner } from './device-test-kit.ts';
import { locationField } from './location-fields.ts';
import { device, deviceProblem, deviceTelemetry } from './schema.ts';

let t: TestApp;
let logged = '';
beforeAll(async () => {
  const logStream = new (await import('node:stream')).Writable({
    write(chunk, _encoding, done) {
      logged += chunk.toString();
      done();
    },
  });
  t = await createTestApp({ logStream });
});
afterAll(() => t.close());

// Coordinates no other test uses, so finding them anywhere would mean they were kept.
const LAT = 47.069312;
const LON = 15.409853;

async function nothingStored(deviceId: string) {
  expect(await t.deps.db.select().from(deviceTelemetry).where(eq(deviceTelemetry.deviceId, deviceId))).toEqual([]);
  expect(await t.deps.db.select().from(deviceProblem).where(eq(deviceProblem.deviceId, deviceId))).toEqual([]);
  const [row] = await t.deps.db.select().from(device).where(eq(device.id, deviceId));
  expect(row.lastCheckinAt).toBeNull();
  expect(await findAnywhere(t.deps.pool, [String(LAT), String(LON), 'Hauptplatz'])).toEqual([]);
  expect(logged).not.toContain(String(LAT));
}

describe('[DEV-4] location is never accepted', () => {
  it('[DEV-4] refuses a check-in with location at the top level, names the field, and stores nothing of it', async () => {
    const me = await owner(t);
    const phone = await enrolled(t, me);
    for (const [field, extra] of [
      ['latitude', { latitude: LAT, longitude: LON }],
      ['GPS', { GPS: `${LAT},${LON}` }],
      ['geo_location', { geo_location: { lat: LAT, lon: LON } }],
    ] as const) {
      const answer = await phone.checkin({ protectionStatus: 'protected', problems: [{ code: 'firewall-off' }], ...extra });
      expect(answer.statusCode, field).toBe(400);
      expect(answer.json()).toMatchObject({ code: 'location-refused', errors: [{ field }] });
    }
    await nothingStored(phone.deviceId);
  });

  it('[DEV-4] refuses location nested at any depth, naming its path', async () => {
    const me = await owner(t);
    const phone = await enrolled(t, me);
    const nested = await phone.checkin({
      protectionStatus: 'at-risk',
      problems: [{ code: 'stolen', detail: 'Hauptplatz', Location: { coordinates: [LON, LAT] } }],
    });
    expect(nested.statusCode).toBe(400);
    expect(nested.json()).toMatchObject({ code: 'location-refused', errors: [{ field: 'problems.0.Location' }] });
    const deeper = await phone.checkin({ protectionStatus: 'protected', problems: [], meta: { network: { position: { accuracy: 12 } } } });
    expect(deeper.json().errors[0].field).toBe('meta.network.position');
    await nothingStored(phone.deviceId);
  });

  it('[DEV-4] refuses location before the token is even looked at, and on enrollment and acknowledgement too', async () => {
    const me = await owner(t);
    const phone = await enrolled(t, me);
    const anonymous = await deviceApi(t, null)('/api/v1/devices/checkin', { protectionStatus: 'protected', problems: [], lat: LAT });
    expect(anonymous.json().code).toBe('location-refused');
    const code = (await me.browser.request('POST', '/api/account/devices/enrollments')).json().code;
    const enroll = await deviceApi(t, null)('/api/v1/devices/enroll', { code, fingerprint: randomUUID(), name: 'Car', platform: 'android', lng: LON });
    expect(enroll.json()).toMatchObject({ code: 'location-refused', errors: [{ field: 'lng' }] });
    expect((await me.browser.request('GET', '/api/account/devices')).json()).toHaveLength(1);
    const ack = await phone.ack(randomUUID(), { status: 'acknowledged', result: { altitude: 340 } });
    expect(ack.json()).toMatchObject({ code: 'location-refused', errors: [{ field: 'result.altitude' }] });
    await nothingStored(phone.deviceId);
  });

  it('finds location names in any case and spelling of separators, and nothing in ordinary reports', () => {
    expect(locationField({ protectionStatus: 'protected', problems: [{ code: 'x', detail: 'latitude is a word' }] })).toBeNull();
    expect(locationField({ a: [{ b: { Geo_Location: 1 } }] })).toBe('a.0.b.Geo_Location');
    expect(locationField({ COORDS: [] })).toBe('COORDS');
    expect(locationField([{ lon: 1 }])).toBe('0.lon');
  });
});
