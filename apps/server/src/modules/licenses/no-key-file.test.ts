import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blob } from '../../platform/blobs/schema.ts';
import { findAnywhere } from '../../testing/find-anywhere.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { customer, issue, linkDevice, product } from './test-kit.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

function storedFiles(): string[] {
  const folder = join(t.deps.config.dataDir, 'blobs');
  return existsSync(folder) ? readdirSync(folder, { recursive: true }).map(String) : [];
}

describe('only a record of a license is kept', () => {
  it('[LIC-3] after a license is added, bound, activated and validated, no column holds its code or token and no file is stored', async () => {
    const me = await customer(t);
    const filesBefore = storedFiles();
    const { id, code } = await issue(t, 'total-security-1y-3');
    const machine = `fp-record-${id}`;
    const device = await linkDevice(t, me.userId, `fp-bound-${id}`);
    expect((await me.browser.request('POST', '/api/account/licenses', { code })).statusCode).toBe(201);
    expect((await me.browser.request('POST', `/api/account/licenses/${id}/bindings`, { deviceId: device.id })).statusCode).toBe(201);
    const activated = await product(t)('POST', '/api/v1/activations', { code, fingerprint: machine, deviceName: 'Den' });
    expect(activated.statusCode).toBe(201);
    const { token } = activated.json();
    expect((await product(t)('POST', '/api/v1/licenses/validate', { token, fingerprint: machine })).json().valid).toBe(true);
    expect((await product(t)('POST', '/api/v1/licenses/validate', { code, fingerprint: machine })).json().valid).toBe(true);

    const needles = [code, code.replaceAll('-', ''), code.slice(0, 11), token, token.split('.')[2], machine];
    expect(await findAnywhere(t.deps.pool, needles)).toEqual([]);
    expect(await t.deps.db.select({ id: blob.id }).from(blob).where(eq(blob.subjectId, me.userId))).toEqual([]);
    expect(storedFiles()).toEqual(filesBefore);
    const view = (await me.browser.request('GET', '/api/account/licenses')).json()[0];
    expect(view.codeLastGroup).toBe(code.slice(-5));
    expect(view.seatsUsed).toBe(2);
  });
});
