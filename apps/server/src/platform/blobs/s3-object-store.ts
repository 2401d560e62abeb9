import { Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { problems } from '../errors.ts';
import { assertObjectKey, type ObjectStore } from './object-store.ts';
import { uploadToS3 } from './s3-upload.ts';

export interface S3Location {
  client: S3Client;
  bucket: string;
  /** Folder inside the bucket, '' or ending in '/'. */
  prefix: string;
}

/** `https://KEY:SECRET@host:port/bucket[/prefix]?region=x`; `s3://` means https. */
export function parseS3Url(s3Url: string): S3Location {
  const url = new URL(s3Url);
  const [bucket, ...rest] = url.pathname.split('/').filter(Boolean);
  if (!bucket) throw new Error('S3_URL must name a bucket: https://KEY:SECRET@host/bucket');
  const protocol = url.protocol === 's3:' ? 'https:' : url.protocol;
  const client = new S3Client({
    endpoint: `${protocol}//${url.host}`,
    region: url.searchParams.get('region') ?? 'us-east-1',
    // Most self-hosted stores (MinIO, Garage, Ceph) serve buckets as paths, not subdomains.
    forcePathStyle: true,
    credentials: { accessKeyId: decodeURIComponent(url.username), secretAccessKey: decodeURIComponent(url.password) },
  });
  return { client, bucket, prefix: rest.length > 0 ? `${rest.join('/')}/` : '' };
}

function isNotFound(error: unknown): boolean {
  return error instanceof S3ServiceException && (error.name === 'NoSuchKey' || error.name === 'NotFound' || error.$metadata.httpStatusCode === 404);
}

export function s3ObjectStore(s3Url: string): ObjectStore {
  const location = parseS3Url(s3Url);
  const { client, bucket } = location;
  const keyOf = (key: string) => {
    assertObjectKey(key);
    return `${location.prefix}${key}`;
  };

  return {
    async put(key, data) {
      await uploadToS3(location, keyOf(key), data);
    },

    async get(key) {
      try {
        const result = await client.send(new GetObjectCommand({ Bucket: bucket, Key: keyOf(key) }));
        if (!(result.Body instanceof Readable)) throw new Error('S3 returned no stream body');
        return result.Body;
      } catch (error) {
        if (isNotFound(error)) throw problems.notFound('object');
        throw error;
      }
    },

    async delete(key) {
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: keyOf(key) }));
    },

    async exists(key) {
      try {
        await client.send(new HeadObjectCommand({ Bucket: bucket, Key: keyOf(key) }));
        return true;
      } catch (error) {
        if (isNotFound(error)) return false;
        throw error;
      }
    },
  };
}
