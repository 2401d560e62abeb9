import { join } from 'node:path';
import type { Config } from '../config.ts';
import { fsObjectStore } from './fs-object-store.ts';
import type { ObjectStore } from './object-store.ts';
import { s3ObjectStore } from './s3-object-store.ts';

/** S3 when S3_URL is set, else a folder in the data directory. */
export function openObjectStore(config: Pick<Config, 's3Url' | 'dataDir'>): ObjectStore {
  return config.s3Url ? s3ObjectStore(config.s3Url) : fsObjectStore(join(config.dataDir, 'blobs'));
}
