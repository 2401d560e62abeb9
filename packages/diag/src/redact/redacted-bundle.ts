import { createHash } from 'node:crypto';
import { open, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { create } from 'tar';
import { MANIFEST_PATH, type Manifest } from '../bundle/manifest.ts';
import { readBundle } from '../bundle/read-bundle.ts';
import { createStaging, removeStaging } from '../bundle/write-bundle.ts';
import type { RedactionCounts } from './redaction-map.ts';
import type { FoundFile } from './text-files.ts';
import { type Output, writeAll } from './write-files.ts';

/** A bundle's manifest and its files in manifest order. */
export async function readBundleFiles(path: string): Promise<{ manifest: Manifest; found: FoundFile[] }> {
  const bundle = await readBundle(path);
  const found = bundle.manifest.files.map((file) => ({ path: file.path, data: bundle.files.get(file.path) as Buffer }));
  return { manifest: bundle.manifest, found };
}

async function packBundle(dir: string, entries: string[], out: string): Promise<void> {
  const handle = await open(out, 'wx', 0o600);
  try {
    await pipeline(create({ gzip: true, portable: true, cwd: dir }, entries), handle.createWriteStream());
  } catch (error) {
    await handle.close().catch(() => {});
    await rm(out, { force: true });
    throw error;
  }
}

function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

export async function writeRedactedBundle(manifest: Manifest, outputs: Output[], counts: RedactionCounts, out: string) {
  const sections = new Map(manifest.files.map((file) => [file.path, file.section]));
  const kinds: Record<string, number> = { ...(manifest.redacted?.kinds ?? {}) };
  for (const [kind, count] of Object.entries(counts)) kinds[kind] = (kinds[kind] ?? 0) + count.replacements;
  const redacted: Manifest = {
    ...manifest,
    files: outputs.map((file) => ({ path: file.path, section: sections.get(file.from) as string, sha256: sha256(file.data), bytes: file.data.length })),
    redacted: { kinds },
  };
  const staging = await createStaging();
  try {
    writeAll(staging.dir, outputs);
    await writeFile(join(staging.dir, MANIFEST_PATH), `${JSON.stringify(redacted, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
    await packBundle(staging.dir, [MANIFEST_PATH, ...outputs.map((file) => file.path)], out);
  } finally {
    await removeStaging(staging);
  }
}
