import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { TestClock } from '../clock.ts';
import { columnsOf } from '../datamap/annotate.ts';
import { openDatabase } from '../db/pool.ts';
import { createBlobStore } from './create-blob-store.ts';
import { fsObjectStore } from './fs-object-store.ts';
import { blob, subjectKey } from './schema.ts';

const database = openDatabase(inject('databaseUrl'));
const dir = mkdtempSync(join(tmpdir(), 'steward-blobs-'));
const masterKey = randomBytes(32);
const clock = new TestClock(new Date('2025-03-01T10:00:00Z'));
const blobs = createBlobStore({ db: database.db, store: fsObjectStore(dir), masterKey, clock });

afterAll(async () => {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
});

// Other test files share the database, so each test has subjects of its own.
const subject = () => `user-${randomUUID()}`;
const MARKER = Buffer.from('PLAINTEXT-MARKER-that-must-never-reach-the-disk;');

/** `total` bytes of the marker repeated, in chunks of up to 64 KiB, as a client upload would come. */
function markerStream(total: number): Readable {
  const chunk = Buffer.alloc(64 * 1024);
  for (let i = 0; i < chunk.length; i += MARKER.length) MARKER.copy(chunk, i);
  return Readable.from(
    (function* () {
      for (let sent = 0; sent < total; sent += chunk.length) yield chunk.subarray(0, Math.min(chunk.length, total - sent));
    })(),
  );
}

const objectPath = async (id: string) => {
  const [row] = await database.db.select({ objectKey: blob.objectKey }).from(blob).where(eq(blob.id, id));
  return join(dir, row.objectKey);
};

const filesOnDisk = () =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();

const put = (subjectId: string, data: Buffer | Readable, maxBytes = 10 * 1024 * 1024) =>
  blobs.put({ subjectId, purpose: 'support-attachment', fileName: 'Jane Doe – report.pdf', contentType: 'application/pdf', data, maxBytes });

describe('blob store', () => {
  it('round-trips a 5 MB stream', async () => {
    const subjectId = subject();
    const size = 5 * 1024 * 1024;
    const expected = await buffer(markerStream(size));
    const stored = await put(subjectId, markerStream(size));
    expect(stored).toMatchObject({ size, sha256: createHash('sha256').update(expected).digest('hex') });
    const opened = await blobs.open(stored.id, { subjectId });
    expect(opened.meta).toMatchObject({ id: stored.id, subjectId, fileName: 'Jane Doe – report.pdf', contentType: 'application/pdf', size });
    expect((await buffer(opened.stream)).equals(expected)).toBe(true);
  });

  it('keeps only ciphertext on disk, and the file name only sealed in the database', async () => {
    const subjectId = subject();
    const stored = await put(subjectId, markerStream(256 * 1024));
    const onDisk = readFileSync(await objectPath(stored.id));
    expect(onDisk.length).toBe(256 * 1024);
    expect(onDisk.includes(MARKER.subarray(0, 16))).toBe(false);
    const [row] = await database.db.select().from(blob).where(eq(blob.id, stored.id));
    expect(row.fileName).not.toContain('Jane');
  });

  it('refuses to serve a tampered file', async () => {
    const subjectId = subject();
    const stored = await put(subjectId, markerStream(100_000));
    const path = await objectPath(stored.id);
    const bytes = readFileSync(path);
    bytes[50_000] ^= 0x01;
    writeFileSync(path, bytes);
    const opened = await blobs.open(stored.id, { subjectId });
    await expect(buffer(opened.stream)).rejects.toMatchObject({ code: 'blob-corrupt' });
  });

  it("reports another subject's file as missing", async () => {
    const owner = subject();
    const stored = await put(owner, Buffer.from('mine'));
    await expect(blobs.open(stored.id, { subjectId: subject() })).rejects.toMatchObject({ status: 404 });
    await expect(blobs.open('not-a-uuid', { subjectId: owner })).rejects.toMatchObject({ status: 404 });
  });

  it('leaves no object, row or key behind when a file is too large', async () => {
    const subjectId = subject();
    const before = filesOnDisk();
    await expect(put(subjectId, markerStream(300_000), 100_000)).rejects.toMatchObject({ status: 413, code: 'payload-too-large' });
    expect(filesOnDisk()).toEqual(before);
    expect(await database.db.select().from(blob).where(eq(blob.subjectId, subjectId))).toEqual([]);
    expect(await database.db.select().from(subjectKey).where(eq(subjectKey.subjectId, subjectId))).toEqual([]);
  });

  it('makes every file of a subject unreadable once its key is destroyed, though the ciphertext remains', async () => {
    const subjectId = subject();
    const other = subject();
    const first = await put(subjectId, Buffer.from('one'));
    const second = await put(subjectId, markerStream(70_000));
    const kept = await put(other, Buffer.from('not erased'));
    await blobs.destroySubjectKey(subjectId);
    for (const { id } of [first, second]) {
      expect(existsSync(await objectPath(id))).toBe(true);
      await expect(blobs.open(id, { subjectId })).rejects.toMatchObject({ status: 410, code: 'crypto-shredded' });
    }
    const [row] = await database.db.select().from(subjectKey).where(eq(subjectKey.subjectId, subjectId));
    expect(row.wrappedKey).toBeNull();
    expect(row.destroyedAt).toEqual(clock.now());
    await expect(put(subjectId, Buffer.from('more'))).rejects.toMatchObject({ code: 'crypto-shredded' });
    expect((await buffer((await blobs.open(kept.id, { subjectId: other })).stream)).toString()).toBe('not erased');
  });

  it('cannot open files with another master key', async () => {
    const subjectId = subject();
    const stored = await put(subjectId, Buffer.from('secret'));
    const stranger = createBlobStore({ db: database.db, store: fsObjectStore(dir), masterKey: randomBytes(32), clock });
    await expect(stranger.open(stored.id, { subjectId })).rejects.toMatchObject({ code: 'blob-corrupt' });
  });

  it('deletes the row and the object', async () => {
    const subjectId = subject();
    const stored = await put(subjectId, Buffer.from('bye'));
    const path = await objectPath(stored.id);
    await blobs.delete(stored.id);
    await blobs.delete(stored.id);
    expect(existsSync(path)).toBe(false);
    await expect(blobs.open(stored.id, { subjectId })).rejects.toMatchObject({ status: 404 });
  });

  it('annotates every column of its tables in the data map', () => {
    for (const entry of [...columnsOf(blob), ...columnsOf(subjectKey)]) {
      expect(entry.structural || entry.annotation !== undefined, `${entry.table}.${entry.column}`).toBe(true);
    }
  });
});
