import { createHash } from 'node:crypto';
import { mkdtemp, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { create } from 'tar';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BundleError } from './bundle-error.ts';
import { BUNDLE_FORMAT, type Manifest } from './manifest.ts';
import { readBundle } from './read-bundle.ts';
import { rawTar, rawTarGz } from './test-tar.ts';
import { createStaging, stageFile, writeBundle } from './write-bundle.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'diag-bundle-test-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const sha = (data: string) => createHash('sha256').update(data).digest('hex');

function manifestFor(files: Record<string, string>): Manifest {
  return {
    format: BUNDLE_FORMAT,
    createdAt: '2026-11-23T12:00:00.000Z',
    tool: { name: 'steward-diag', version: 'test' },
    host: { platform: 'linux', release: 'test' },
    files: Object.entries(files).map(([path, data]) => ({ path, section: path.split('/')[0], sha256: sha(data), bytes: Buffer.byteLength(data) })),
  };
}

function bundleOf(files: Record<string, string>, extra: Parameters<typeof rawTarGz>[0] = []): Buffer {
  return rawTarGz([
    { path: 'manifest.json', data: JSON.stringify(manifestFor(files)) },
    ...Object.entries(files).map(([path, data]) => ({ path, data })),
    ...extra,
  ]);
}

async function refusal(source: Buffer | string): Promise<BundleError> {
  const error = await readBundle(source).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(BundleError);
  return error as BundleError;
}

async function sampleBundle(): Promise<string> {
  const staging = await createStaging();
  await stageFile(staging, 'hosts', 'hosts.txt', '127.0.0.1 localhost\n');
  await stageFile(staging, 'system', 'os.json', '{"distro":"Debian"}\n');
  const { path } = await writeBundle({ staging, outDir: join(dir, 'out'), tool: { name: 'steward-diag', version: 'test' }, now: new Date() });
  return path;
}

describe('bundle writer', () => {
  it('[DIAG-7] writes the bundle 0600 into a 0700 folder, and stages files 0600 in a 0700 temp folder', async () => {
    const staging = await createStaging();
    const stagedPath = await stageFile(staging, 'hosts', 'hosts.txt', 'x');
    expect((await stat(staging.dir)).mode & 0o777).toBe(0o700);
    expect((await stat(join(staging.dir, 'hosts'))).mode & 0o777).toBe(0o700);
    expect((await stat(join(staging.dir, stagedPath))).mode & 0o777).toBe(0o600);
    const { path } = await writeBundle({ staging, outDir: join(dir, 'out'), tool: { name: 'steward-diag', version: 'test' }, now: new Date() });
    expect((await stat(join(dir, 'out'))).mode & 0o777).toBe(0o700);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(path).toMatch(/steward-diag-\d{8}T\d{6}Z\.tar\.gz$/);
  });

  it('round-trips: the manifest lists every file with its section, bytes and sha256', async () => {
    const { manifest, files } = await readBundle(await sampleBundle());
    expect(manifest.files.map((file) => [file.path, file.section])).toEqual([
      ['hosts/hosts.txt', 'hosts'],
      ['system/os.json', 'system'],
    ]);
    expect(files.get('hosts/hosts.txt')?.toString()).toBe('127.0.0.1 localhost\n');
    expect(manifest.files[0].sha256).toBe(sha('127.0.0.1 localhost\n'));
  });

  it('gives two bundles made in the same second different names', async () => {
    expect(await sampleBundle()).not.toBe(await sampleBundle());
  });
});

describe('bundle reader refuses unsafe or inconsistent bundles', () => {
  const good = { 'hosts/hosts.txt': '127.0.0.1 localhost\n' };

  it.each([
    ['parent path', { path: '../x', data: 'a' }, 'unsafe-path', '../x'],
    ['nested parent path', { path: 'hosts/../../x', data: 'a' }, 'unsafe-path', 'hosts/../../x'],
    ['absolute path', { path: '/etc/passwd', data: 'root:x:0:0' }, 'unsafe-path', '/etc/passwd'],
    ['symlink', { path: 'hosts/link', type: '2', linkpath: '/etc/shadow' }, 'entry-type', 'hosts/link'],
    ['hardlink', { path: 'hosts/hard', type: '1', linkpath: 'hosts/hosts.txt' }, 'entry-type', 'hosts/hard'],
    ['character device', { path: 'hosts/tty', type: '3' }, 'entry-type', 'hosts/tty'],
    ['fifo', { path: 'hosts/pipe', type: '6' }, 'entry-type', 'hosts/pipe'],
    ['file missing from the manifest', { path: 'hosts/extra.txt', data: 'x' }, 'not-in-manifest', 'hosts/extra.txt'],
    ['duplicate file', { path: 'hosts/hosts.txt', data: '127.0.0.1 localhost\n' }, 'duplicate', 'hosts/hosts.txt'],
  ])('refuses a %s and names the entry', async (_kind, entry, code, name) => {
    const error = await refusal(bundleOf(good, [entry]));
    expect(error.code).toBe(code);
    expect(error.entry).toBe(name);
  });

  it('refuses a symlink made by the real tar writer', async () => {
    await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifestFor({})));
    await symlink('/etc/passwd', join(dir, 'passwd'));
    const file = join(dir, 'links.tar.gz');
    await create({ gzip: true, file, cwd: dir }, ['manifest.json', 'passwd']);
    expect((await refusal(file)).code).toBe('entry-type');
  });

  it('refuses a file whose bytes do not match its sha256', async () => {
    const manifest = manifestFor(good);
    const tampered = rawTarGz([
      { path: 'manifest.json', data: JSON.stringify(manifest) },
      { path: 'hosts/hosts.txt', data: '6.6.6.6 localhost\n' },
    ]);
    const error = await refusal(tampered);
    expect([error.code, error.entry]).toEqual(['checksum', 'hosts/hosts.txt']);
  });

  it('refuses a manifest entry without its file, and a bundle without a manifest', async () => {
    const missing = rawTarGz([{ path: 'manifest.json', data: JSON.stringify(manifestFor(good)) }]);
    expect((await refusal(missing)).code).toBe('missing');
    expect((await refusal(rawTarGz([{ path: 'hosts/hosts.txt', data: 'x' }]))).code).toBe('missing');
  });

  it('refuses more entries than the limit', async () => {
    const many = Array.from({ length: 5_001 }, (_, index) => ({ path: `hosts/${index}.txt`, data: '' }));
    expect((await refusal(rawTarGz(many))).code).toBe('limit');
  });

  it('refuses an entry larger than the file limit from its header, before reading its data', async () => {
    const header = rawTar([{ path: 'hosts/huge.bin', data: 'x' }]).subarray(0, 512);
    header.write((600 * 1024 * 1024).toString(8).padStart(11, '0'), 124, 'ascii');
    header.fill(0x20, 148, 156);
    let sum = 0;
    for (const byte of header) sum += byte;
    header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
    const error = await refusal(gzipSync(Buffer.concat([header, Buffer.alloc(4096, 1)])));
    expect([error.code, error.entry]).toEqual(['limit', 'hosts/huge.bin']);
  });

  it('refuses a bundle whose files together pass the total limit', async () => {
    const limits = { maxEntries: 100, maxFileBytes: 1024, maxTotalBytes: 2048, maxManifestBytes: 1024 };
    const files = Array.from({ length: 3 }, (_, index) => ({ path: `hosts/${index}.txt`, data: 'x'.repeat(1000) }));
    const error = await readBundle(rawTarGz(files), limits).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BundleError);
    expect([(error as BundleError).code, (error as BundleError).entry]).toEqual(['limit', 'hosts/2.txt']);
  });

  it('stops at the end of the archive instead of inflating what follows', async () => {
    const bundle = Buffer.concat([rawTar([{ path: 'manifest.json', data: JSON.stringify(manifestFor({})) }]), Buffer.alloc(64 * 1024 * 1024)]);
    const started = performance.now();
    await readBundle(gzipSync(bundle), { maxEntries: 10, maxFileBytes: 1024, maxTotalBytes: 1024, maxManifestBytes: 1024 });
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe('bundle reader robustness (fast-check)', () => {
  const onlyTypedErrors = async (source: Buffer) => {
    await readBundle(source).catch((error: unknown) => {
      if (!(error instanceof BundleError)) throw error;
    });
  };

  it('never crashes on random bytes, gzip or not', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), fc.boolean(), async (bytes, gzip) => {
        await onlyTypedErrors(gzip ? gzipSync(bytes) : Buffer.from(bytes));
      }),
      { numRuns: 300 },
    );
  });

  it('never crashes on truncated or bit-flipped valid bundles', async () => {
    const valid = bundleOf({ 'hosts/hosts.txt': '127.0.0.1 localhost\n', 'system/os.json': '{}' });
    const plain = (await import('node:zlib')).gunzipSync(valid);
    await fc.assert(
      fc.asyncProperty(fc.nat(valid.length - 1), fc.nat(plain.length - 1), fc.nat(255), async (gzCut, tarCut, flip) => {
        await onlyTypedErrors(valid.subarray(0, gzCut));
        await onlyTypedErrors(gzipSync(plain.subarray(0, tarCut)));
        const flipped = Buffer.from(plain);
        flipped[tarCut] ^= flip;
        await onlyTypedErrors(gzipSync(flipped));
      }),
      { numRuns: 300 },
    );
  });

  it('never crashes on random JSON manifests', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (value) => {
        await onlyTypedErrors(rawTarGz([{ path: 'manifest.json', data: JSON.stringify(value) ?? 'null' }]));
      }),
      { numRuns: 300 },
    );
  });

  it('never crashes on random tar entry names and types', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            path: fc.string({ minLength: 1, maxLength: 99 }),
            type: fc.constantFrom('0', '1', '2', '3', '5', 'x', 'g', 'L', 'K'),
            data: fc.string({ maxLength: 64 }),
          }),
          {
            maxLength: 6,
          },
        ),
        async (entries) => {
          await onlyTypedErrors(rawTarGz([{ path: 'manifest.json', data: JSON.stringify(manifestFor({})) }, ...entries]));
        },
      ),
      { numRuns: 300 },
    );
  });
});
