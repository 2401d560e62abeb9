import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/pool.ts';
import { blobProblems } from './blob-problems.ts';
import { subjectKey } from './schema.ts';
import { deriveKey, seal, unseal } from './seal.ts';

export type DbOrTx = Db | Parameters<Parameters<Db['transaction']>[0]>[0];

export function subjectWrappingKey(masterKey: Buffer): Buffer {
  return deriveKey(masterKey, 'steward subject keys');
}

const aadOf = (subjectId: string) => `subject-key:${subjectId}`;

function openRow(wrappingKey: Buffer, subjectId: string, row: { wrappedKey: string | null; destroyedAt: Date | null } | undefined): Buffer {
  if (!row || row.destroyedAt || !row.wrappedKey) throw blobProblems.cryptoShredded();
  try {
    return unseal(wrappingKey, row.wrappedKey, aadOf(subjectId));
  } catch {
    throw blobProblems.corrupt();
  }
}

/** True once the subject's key has been destroyed; a subject with no key yet is not shredded. */
export async function isShredded(db: DbOrTx, subjectId: string): Promise<boolean> {
  const [row] = await db.select({ destroyedAt: subjectKey.destroyedAt }).from(subjectKey).where(eq(subjectKey.subjectId, subjectId));
  return row?.destroyedAt != null;
}

/** The subject's key, for reading. A missing row means the key is gone, since files are only stored under one. */
export async function loadSubjectKey(db: DbOrTx, wrappingKey: Buffer, subjectId: string): Promise<Buffer> {
  const [row] = await db.select().from(subjectKey).where(eq(subjectKey.subjectId, subjectId));
  return openRow(wrappingKey, subjectId, row);
}

/**
 * The subject's key, made on first use, for storing a file. Call inside the transaction that
 * inserts the file's row: the share lock makes a concurrent destroy wait for that insert, so
 * the new file is shredded with the rest rather than left readable.
 */
export async function lockSubjectKey(tx: DbOrTx, wrappingKey: Buffer, subjectId: string, clock: Clock): Promise<Buffer> {
  const fresh = seal(wrappingKey, randomBytes(32), aadOf(subjectId));
  await tx.insert(subjectKey).values({ subjectId, wrappedKey: fresh, createdAt: clock.now() }).onConflictDoNothing();
  const [row] = await tx.select().from(subjectKey).where(eq(subjectKey.subjectId, subjectId)).for('share');
  return openRow(wrappingKey, subjectId, row);
}

/**
 * Crypto-shreds the subject: the sealed key is overwritten and the row kept as a tombstone.
 * Ciphertext left in the store or in backups of it can no longer be opened. Database backups
 * still hold the old sealed key until they expire, so they must not outlive the erasure deadline.
 */
export async function destroySubjectKey(db: DbOrTx, clock: Clock, subjectId: string): Promise<void> {
  const now = clock.now();
  await db
    .insert(subjectKey)
    .values({ subjectId, wrappedKey: null, destroyedAt: now, createdAt: now })
    .onConflictDoUpdate({ target: subjectKey.subjectId, set: { wrappedKey: null, destroyedAt: sql`coalesce(${subjectKey.destroyedAt}, ${now})` } });
}
