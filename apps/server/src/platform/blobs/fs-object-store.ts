import { randomUUID } from 'node:crypto';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { problems } from '../errors.ts';
import { assertObjectKey, type ObjectStore } from './object-store.ts';

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'ENOENT';
}

/**
 * Objects as files under `dir`. A write goes to a temporary name and is renamed into place
 * once synced, so a reader never sees half a file and a failed write leaves nothing behind.
 */
export function fsObjectStore(dir: string): ObjectStore {
  const pathOf = (key: string) => {
    assertObjectKey(key);
    return join(dir, key);
  };

  return {
    async put(key, data) {
      const path = pathOf(key);
      await mkdir(dirname(path), { recursive: true, mode: 0o700 });
      // A dot can never appear in a key, so a temporary name never collides with an object.
      const temp = `${path}.${randomUUID()}.tmp`;
      const handle = await open(temp, 'wx', 0o600);
      try {
        // Written through the handle, not a stream, so it can still be synced before the rename.
        for await (const chunk of Buffer.isBuffer(data) ? [data] : data) await handle.write(chunk as Buffer);
        await handle.sync();
        await handle.close();
        await rename(temp, path);
      } catch (error) {
        await handle.close().catch(() => {});
        await rm(temp, { force: true });
        throw error;
      }
    },

    async get(key) {
      try {
        const handle = await open(pathOf(key), 'r');
        return handle.createReadStream();
      } catch (error) {
        if (isMissing(error)) throw problems.notFound('object');
        throw error;
      }
    },

    async delete(key) {
      await rm(pathOf(key), { force: true });
    },

    async exists(key) {
      try {
        return (await stat(pathOf(key))).isFile();
      } catch (error) {
        if (isMissing(error)) return false;
        throw error;
      }
    },
  };
}
