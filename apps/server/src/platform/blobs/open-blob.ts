import { createDecipheriv } from 'node:crypto';
import { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import { problems } from '../errors.ts';
import { type BlobContext, contentAad, dataKeyAad, fileNameAad, isBlobId } from './blob-context.ts';
import { blobProblems } from './blob-problems.ts';
import { decryptChunks } from './content-cipher.ts';
import { blob } from './schema.ts';
import { unseal } from './seal.ts';
import { loadSubjectKey } from './subject-keys.ts';

export interface BlobMeta {
  id: string;
  subjectId: string;
  purpose: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  createdAt: Date;
}

export interface OpenedBlob {
  meta: BlobMeta;
  /** Plaintext; ends in an error, not a clean end, if the stored file was altered. */
  stream: Readable;
}

/** Opens a subject's file. Someone else's file is reported as missing, not as forbidden. */
export async function openBlob(ctx: BlobContext, blobId: string, { subjectId }: { subjectId: string }): Promise<OpenedBlob> {
  if (!isBlobId(blobId)) throw problems.notFound('file');
  const [row] = await ctx.db.select().from(blob).where(eq(blob.id, blobId));
  if (!row || row.subjectId !== subjectId) throw problems.notFound('file');
  const subjectKey = await loadSubjectKey(ctx.db, ctx.wrappingKey, subjectId);
  let dataKey: Buffer;
  let fileName: string;
  try {
    dataKey = unseal(subjectKey, row.wrappedDataKey, dataKeyAad(row.id));
    fileName = unseal(dataKey, row.fileName, fileNameAad(row.id)).toString('utf8');
  } catch {
    throw blobProblems.corrupt();
  }
  const decipher = createDecipheriv('aes-256-gcm', dataKey, Buffer.from(row.iv, 'base64'));
  decipher.setAAD(Buffer.from(contentAad(row.id), 'utf8'));
  decipher.setAuthTag(Buffer.from(row.tag, 'base64'));
  const source = await ctx.store.get(row.objectKey);
  const { wrappedDataKey: _key, iv: _iv, tag: _tag, objectKey: _objectKey, fileName: _sealed, ...rest } = row;
  const stream = Readable.from(decryptChunks(source, decipher), { objectMode: false });
  // A reader that stops early (or only wanted the name) must not leave the file open.
  stream.once('close', () => source.destroy());
  return { meta: { ...rest, fileName }, stream };
}
