import { createHash } from 'node:crypto';
import { chmod, mkdir, mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import { release, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { create } from 'tar';
import { BUNDLE_FORMAT, MANIFEST_PATH, type Manifest, type ManifestFile, unsafePathReason } from './manifest.ts';

export type Staging = { dir: string; files: Omit<ManifestFile, 'sha256' | 'bytes'>[] };

/** A private (0700) temporary folder that bundle files are written into before packing. */
export async function createStaging(): Promise<Staging> {
  const dir = await mkdtemp(join(tmpdir(), 'steward-diag-'));
  await chmod(dir, 0o700);
  return { dir, files: [] };
}

export async function removeStaging(staging: Staging): Promise<void> {
  await rm(staging.dir, { recursive: true, force: true });
}

/** Writes one file under `<section>/<name>` with mode 0600 and records it for the manifest. */
export async function stageFile(staging: Staging, section: string, name: string, content: string | Buffer): Promise<string> {
  const path = `${section}/${name}`;
  const unsafe = unsafePathReason(path);
  if (unsafe) throw new Error(`cannot stage ${path}: ${unsafe}`);
  if (staging.files.some((file) => file.path === path)) throw new Error(`${path} is staged twice`);
  const target = join(staging.dir, path);
  await mkdir(dirname(target), { recursive: true, mode: 0o700 });
  await writeFile(target, content, { mode: 0o600, flag: 'wx' });
  staging.files.push({ path, section });
  return path;
}

function bundleName(now: Date): string {
  return `steward-diag-${now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')}`;
}

/** Creates the output folder if needed; a folder we create is private to the user. */
export async function ensureOutputDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
}

async function openUnique(outDir: string, base: string) {
  for (let attempt = 0; attempt < 100; attempt++) {
    const path = join(outDir, `${base}${attempt === 0 ? '' : `-${attempt}`}.tar.gz`);
    try {
      return { path, handle: await open(path, 'wx', 0o600) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  throw new Error(`no free bundle name in ${outDir}`);
}

export type WriteBundleInput = { staging: Staging; outDir: string; tool: Manifest['tool']; now: Date };

/** Hashes the staged files, writes manifest.json and packs everything into `<outDir>/steward-diag-<time>.tar.gz` (0600). */
export async function writeBundle({ staging, outDir, tool, now }: WriteBundleInput): Promise<{ path: string; manifest: Manifest }> {
  const files: ManifestFile[] = [];
  for (const file of [...staging.files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    const data = await readFile(join(staging.dir, file.path));
    files.push({ ...file, sha256: createHash('sha256').update(data).digest('hex'), bytes: data.length });
  }
  const manifest: Manifest = { format: BUNDLE_FORMAT, createdAt: now.toISOString(), tool, host: { platform: process.platform, release: release() }, files };
  await writeFile(join(staging.dir, MANIFEST_PATH), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  await ensureOutputDir(outDir);
  const { path, handle } = await openUnique(outDir, bundleName(now));
  try {
    const tarStream = create({ gzip: true, portable: true, cwd: staging.dir }, [MANIFEST_PATH, ...files.map((file) => file.path)]);
    await pipeline(tarStream, handle.createWriteStream());
    await chmod(path, 0o600);
  } catch (error) {
    await handle.close().catch(() => {});
    await rm(path, { force: true });
    throw error;
  }
  return { path, manifest };
}
