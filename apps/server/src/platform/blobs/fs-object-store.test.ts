import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterAll, describe, expect, it } from 'vitest';
import { fsObjectStore } from './fs-object-store.ts';

const dir = mkdtempSync(join(tmpdir(), 'steward-fs-store-'));
const store = fsObjectStore(dir);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('fsObjectStore', () => {
  it('stores, reads, reports and deletes objects, readable by the owner only', async () => {
    await store.put('ab/one', Buffer.from('first'));
    await store.put('ab/two', Readable.from([Buffer.from('sec'), Buffer.from('ond')]));
    expect(await text(await store.get('ab/one'))).toBe('first');
    expect(await text(await store.get('ab/two'))).toBe('second');
    expect(statSync(join(dir, 'ab/one')).mode & 0o777).toBe(0o600);
    expect(await store.exists('ab/one')).toBe(true);
    await store.delete('ab/one');
    await store.delete('ab/one');
    expect(await store.exists('ab/one')).toBe(false);
    await expect(store.get('ab/one')).rejects.toMatchObject({ status: 404 });
  });

  it('refuses keys that could leave its folder', async () => {
    for (const key of ['..', '../x', 'a/../../x', '/etc/passwd', 'a//b', 'a/./b', 'a\\b', '', 'a/', 'x.tmp']) {
      await expect(store.put(key, Buffer.from('x')), key).rejects.toMatchObject({ code: 'validation-failed' });
      await expect(store.get(key), key).rejects.toMatchObject({ code: 'validation-failed' });
      await expect(store.delete(key), key).rejects.toMatchObject({ code: 'validation-failed' });
      await expect(store.exists(key), key).rejects.toMatchObject({ code: 'validation-failed' });
    }
  });

  it('leaves nothing behind when the data fails half-way', async () => {
    async function* failing() {
      yield Buffer.from('partial');
      throw new Error('client went away');
    }
    await expect(store.put('cd/broken', Readable.from(failing()))).rejects.toThrow('client went away');
    expect(readdirSync(join(dir, 'cd'))).toEqual([]);
  });
});
