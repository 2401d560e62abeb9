import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { BundleError } from './bundle-error.ts';
import { MANIFEST_PATH, type Manifest, parseManifest } from './manifest.ts';
import { type TarLimits, tarFiles } from './tar-entries.ts';

export type BundleLimits = TarLimits & { maxManifestBytes: number };

export const DEFAULT_BUNDLE_LIMITS: BundleLimits = {
  maxEntries: 5_000,
  maxTotalBytes: 512 * 1024 * 1024,
  maxFileBytes: 64 * 1024 * 1024,
  maxManifestBytes: 4 * 1024 * 1024,
};

export type BundleContents = { manifest: Manifest; files: Map<string, Buffer> };

/** Headers, padding and end blocks on top of the file bytes: at most two 512-byte blocks per entry plus the tail record. */
function maxTarBytes(limits: TarLimits): number {
  return limits.maxTotalBytes + limits.maxEntries * 2048 + 20 * 1024;
}

async function* gunzipped(source: Readable, maxBytes: number): AsyncGenerator<Buffer> {
  const gunzip = createGunzip();
  source.on('error', (error) => gunzip.destroy(error));
  source.pipe(gunzip);
  let total = 0;
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > maxBytes) throw new BundleError('limit', `decompressed data larger than ${maxBytes} bytes`);
      yield chunk;
    }
  } catch (error) {
    if (error instanceof BundleError) throw error;
    throw new BundleError('gzip', `not a readable gzip stream (${error instanceof Error ? error.message : String(error)})`);
  } finally {
    source.unpipe(gunzip);
    source.destroy();
    gunzip.destroy();
  }
}

function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

function decodeManifest(data: Buffer, limits: BundleLimits): Manifest {
  if (data.length > limits.maxManifestBytes) throw new BundleError('limit', 'manifest too large', MANIFEST_PATH);
  let parsed: unknown;
  try {
    parsed = JSON.parse(data.toString('utf8'));
  } catch {
    throw new BundleError('manifest', 'manifest is not JSON', MANIFEST_PATH);
  }
  const manifest = parseManifest(parsed, limits.maxEntries);
  if (typeof manifest === 'string') throw new BundleError('manifest', manifest, MANIFEST_PATH);
  return manifest;
}

function verify(manifest: Manifest, files: Map<string, Buffer>): void {
  const listed = new Set<string>();
  for (const entry of manifest.files) {
    if (listed.has(entry.path)) throw new BundleError('manifest', 'manifest lists a path twice', entry.path);
    listed.add(entry.path);
    const data = files.get(entry.path);
    if (!data) throw new BundleError('missing', 'file listed in the manifest is missing', entry.path);
    if (data.length !== entry.bytes || sha256(data) !== entry.sha256) throw new BundleError('checksum', 'file does not match its manifest sha256', entry.path);
  }
  for (const path of files.keys()) {
    if (!listed.has(path)) throw new BundleError('not-in-manifest', 'file is not listed in the manifest', path);
  }
}

function toStream(source: string | Buffer | Readable): Readable {
  if (typeof source === 'string') return createReadStream(source);
  if (Buffer.isBuffer(source)) return Readable.from([source]);
  return source;
}

/**
 * Reads a steward-diag bundle (a path, a buffer or a stream of .tar.gz bytes) without touching the disk:
 * every entry must be a regular file with a safe relative path, listed once in manifest.json with a matching sha256.
 * Throws only BundleError.
 */
export async function readBundle(source: string | Buffer | Readable, limits: BundleLimits = DEFAULT_BUNDLE_LIMITS): Promise<BundleContents> {
  const files = new Map<string, Buffer>();
  let manifestData: Buffer | null = null;
  try {
    for await (const file of tarFiles(gunzipped(toStream(source), maxTarBytes(limits)), limits)) {
      if (file.path === MANIFEST_PATH ? manifestData !== null : files.has(file.path)) throw new BundleError('duplicate', 'duplicate entry', file.path);
      if (file.path === MANIFEST_PATH) manifestData = file.data;
      else files.set(file.path, file.data);
    }
  } catch (error) {
    if (error instanceof BundleError) throw error;
    throw new BundleError('gzip', `cannot read bundle (${error instanceof Error ? error.message : String(error)})`);
  }
  if (manifestData === null) throw new BundleError('missing', 'bundle has no manifest', MANIFEST_PATH);
  const manifest = decodeManifest(manifestData, limits);
  verify(manifest, files);
  return { manifest, files };
}
