import type { Readable } from 'node:stream';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  PutObjectCommand,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import type { S3Location } from './s3-object-store.ts';

// S3 needs each part's length up front and parts of at least 5 MiB (all but the last), so a
// stream of unknown length goes up in buffered 8 MiB parts; memory stays at one part.
const PART_BYTES = 8 * 1024 * 1024;

async function* parts(data: Readable): AsyncGenerator<Buffer> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let yielded = false;
  for await (const chunk of data) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    pending.push(buffer);
    pendingBytes += buffer.length;
    while (pendingBytes >= PART_BYTES) {
      const joined = Buffer.concat(pending);
      yielded = true;
      yield joined.subarray(0, PART_BYTES);
      pending = [joined.subarray(PART_BYTES)];
      pendingBytes = pending[0].length;
    }
  }
  // Every part but an empty object's only one has bytes: S3 refuses an empty middle part.
  if (pendingBytes > 0 || !yielded) yield Buffer.concat(pending);
}

/** One PutObject when the data fits in a part, else a multipart upload that is aborted on failure. */
export async function uploadToS3({ client, bucket }: S3Location, key: string, data: Buffer | Readable): Promise<void> {
  if (Buffer.isBuffer(data)) {
    await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: data }));
    return;
  }
  const iterator = parts(data);
  const first = await iterator.next();
  const second = first.done ? first : await iterator.next();
  if (second.done) {
    await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: first.done ? Buffer.alloc(0) : first.value }));
    return;
  }
  const { UploadId } = await client.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: key }));
  try {
    const done: { ETag: string | undefined; PartNumber: number }[] = [];
    const send = async (body: Buffer) => {
      const PartNumber = done.length + 1;
      const { ETag } = await client.send(new UploadPartCommand({ Bucket: bucket, Key: key, UploadId, PartNumber, Body: body }));
      done.push({ ETag, PartNumber });
    };
    await send(first.value as Buffer);
    await send(second.value);
    for await (const part of iterator) await send(part);
    await client.send(new CompleteMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId, MultipartUpload: { Parts: done } }));
  } catch (error) {
    await client.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId })).catch(() => {});
    throw error;
  }
}
