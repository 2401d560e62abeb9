import { createCipheriv, randomBytes, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { type FieldProblem, problems } from '../errors.ts';
import { type BlobContext, contentAad, dataKeyAad, fileNameAad } from './blob-context.ts';
import { blobProblems } from './blob-problems.ts';
import { type BlobData, encryptChunks, type Meter } from './content-cipher.ts';
import { blob } from './schema.ts';
import { seal } from './seal.ts';
import { isShredded, lockSubjectKey } from './subject-keys.ts';

export interface PutBlobInput {
  subjectId: string;
  /** A code naming the feature, e.g. 'support-attachment'. */
  purpose: string;
  fileName: string;
  contentType: string;
  data: BlobData;
  maxBytes: number;
}

export interface StoredBlob {
  id: string;
  size: number;
  /** SHA-256 of the plaintext, hex. */
  sha256: string;
}

const PURPOSE = /^[a-z0-9][a-z0-9._-]{0,63}$/;

function validate(input: PutBlobInput): void {
  const errors: FieldProblem[] = [];
  if (typeof input.subjectId !== 'string' || input.subjectId.length === 0 || input.subjectId.length > 200)
    errors.push({ field: 'subjectId', message: 'must be 1 to 200 characters' });
  if (typeof input.purpose !== 'string' || !PURPOSE.test(input.purpose)) errors.push({ field: 'purpose', message: 'must be a lower-case code' });
  if (typeof input.fileName !== 'string' || input.fileName.length === 0 || input.fileName.length > 255)
    errors.push({ field: 'fileName', message: 'must be 1 to 255 characters' });
  if (typeof input.contentType !== 'string' || input.contentType.length === 0 || input.contentType.length > 255)
    errors.push({ field: 'contentType', message: 'must be 1 to 255 characters' });
  if (!Number.isSafeInteger(input.maxBytes) || input.maxBytes < 0) errors.push({ field: 'maxBytes', message: 'must be a whole number of bytes' });
  if (errors.length > 0) throw problems.validation(errors);
}

/**
 * Encrypts the data under a fresh data key as it streams into the store, then records the
 * row. The subject key is taken only after the upload, in the row's transaction, so a failed
 * or oversized upload leaves no object, no row and no key.
 */
export async function putBlob(ctx: BlobContext, input: PutBlobInput): Promise<StoredBlob> {
  validate(input);
  // Checked early only to spare a pointless upload; the transaction below is what decides.
  if (await isShredded(ctx.db, input.subjectId)) throw blobProblems.cryptoShredded();
  const id = randomUUID();
  const objectKey = `${id.slice(0, 2)}/${id}`;
  const dataKey = randomBytes(32);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', dataKey, iv);
  cipher.setAAD(Buffer.from(contentAad(id), 'utf8'));
  const meter: Meter = { size: 0, sha256: '' };
  try {
    await ctx.store.put(objectKey, Readable.from(encryptChunks(input.data, cipher, input.maxBytes, meter), { objectMode: false }));
    await ctx.db.transaction(async (tx) => {
      const key = await lockSubjectKey(tx, ctx.wrappingKey, input.subjectId, ctx.clock);
      await tx.insert(blob).values({
        id,
        subjectId: input.subjectId,
        purpose: input.purpose,
        fileName: seal(dataKey, Buffer.from(input.fileName, 'utf8'), fileNameAad(id)),
        contentType: input.contentType,
        size: meter.size,
        sha256: meter.sha256,
        wrappedDataKey: seal(key, dataKey, dataKeyAad(id)),
        iv: iv.toString('base64'),
        tag: cipher.getAuthTag().toString('base64'),
        objectKey,
        createdAt: ctx.clock.now(),
      });
    });
  } catch (error) {
    await ctx.store.delete(objectKey).catch(() => {});
    throw error;
  }
  return { id, size: meter.size, sha256: meter.sha256 };
}
