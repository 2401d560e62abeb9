import { createHash } from 'node:crypto';
import { lstat, mkdir, open, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { create } from 'tar';
import { MANIFEST_PATH, type Manifest } from '../bundle/manifest.ts';
import { readBundle } from '../bundle/read-bundle.ts';
import { createStaging, removeStaging } from '../bundle/write-bundle.ts';
import { emptyIdentities, type Identities, identitiesInFile, mergeIdentities, systemIdentities } from './identities.ts';
import { IO_CONCURRENCY, mapConcurrently } from './map-concurrently.ts';
import { loadRedactionMap, saveRedactionMap } from './map-file.ts';
import { OutputPaths } from './output-paths.ts';
import { type RedactionCounts, RedactionLedger } from './redaction-map.ts';
import { Redactor } from './redactor.ts';
import { decodeText, type FoundFile, readFolder, type Skipped } from './text-files.ts';

export interface RedactPathOptions {
  input: string;
  out?: string;
  keywords?: string[];
  mapPath?: string;
  /** The computer's own names; read from /etc and the OS when absent. */
  system?: Identities;
}

export interface RedactPathResult {
  out: string;
  mapPath: string;
  mapExisted: boolean;
  counts: RedactionCounts;
  files: number;
  /** Left out of the output: binary, oversized or not regular files cannot be redacted, so they are not copied. */
  skipped: Skipped[];
  warnings: string[];
}

/** A problem with the command's paths, reported to the user without a stack trace. */
export class RedactInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RedactInputError';
  }
}

const BUNDLE_SUFFIX = /\.(?:tar\.gz|tgz)$/i;

function isInside(parent: string, child: string): boolean {
  const path = relative(parent, child);
  return path === '' || (!path.startsWith('..') && !isAbsolute(path));
}

function defaultOut(input: string, isBundle: boolean): string {
  return isBundle ? input.replace(BUNDLE_SUFFIX, '-redacted.tar.gz') : `${input.replace(/[\\/]+$/, '')}-redacted`;
}

function defaultMapPath(out: string): string {
  return `${out.replace(BUNDLE_SUFFIX, '')}.redaction-map.json`;
}

async function exists(path: string): Promise<boolean> {
  return lstat(path).then(
    () => true,
    () => false,
  );
}

async function resolvePaths(options: RedactPathOptions) {
  const input = resolve(options.input);
  const info = await lstat(input).catch(() => {
    throw new RedactInputError(`${input} does not exist`);
  });
  const isBundle = info.isFile() && BUNDLE_SUFFIX.test(input);
  if (!isBundle && !info.isDirectory()) throw new RedactInputError(`${input} is neither a folder nor a .tar.gz bundle`);
  const out = resolve(options.out ?? defaultOut(input, isBundle));
  const mapPath = resolve(options.mapPath ?? defaultMapPath(out));
  if (await exists(out)) throw new RedactInputError(`${out} already exists; choose another --out`);
  if (isInside(input, out) || isInside(out, input)) throw new RedactInputError('--out must be outside the input');
  if (isInside(out, mapPath) || isInside(input, mapPath)) throw new RedactInputError('the map must stay outside the input and the output');
  return { input, isBundle, out, mapPath };
}

interface Output {
  from: string;
  path: string;
  data: Buffer;
}

interface TextFile {
  path: string;
  text: string;
  encode: (text: string) => Buffer;
}

function splitText(files: FoundFile[], skipped: Skipped[]): TextFile[] {
  const texts: TextFile[] = [];
  for (const file of files) {
    const decoded = decodeText(file.data);
    if (decoded) texts.push({ path: file.path, ...decoded });
    else skipped.push({ path: file.path, reason: 'binary' });
  }
  return texts;
}

/** Private folders and files; each folder is made once, as a report has a thousand files in a few hundred folders. */
async function writeAll(root: string, outputs: Output[]): Promise<void> {
  const folders = new Set(outputs.map((file) => dirname(join(root, file.path))));
  await mapConcurrently([...folders], IO_CONCURRENCY, (folder) => mkdir(folder, { recursive: true, mode: 0o700 }));
  await mapConcurrently(outputs, IO_CONCURRENCY, (file) => writeFile(join(root, file.path), file.data, { mode: 0o600, flag: 'wx' }));
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

/**
 * Redacts a folder or a bundle into a new folder or bundle (never touching the input) and saves the
 * map beside the output. Names are gathered from the computer and from all files first, so a user
 * seen in one file's home path is replaced in every file.
 */
export async function redactPath(options: RedactPathOptions): Promise<RedactPathResult> {
  const { input, isBundle, out, mapPath } = await resolvePaths(options);
  const loaded = await loadRedactionMap(mapPath);
  const skipped: Skipped[] = [];
  let manifest: Manifest | null = null;
  let found: FoundFile[];
  if (isBundle) {
    const bundle = await readBundle(input);
    manifest = bundle.manifest;
    found = manifest.files.map((file) => ({ path: file.path, data: bundle.files.get(file.path) as Buffer }));
  } else {
    const folder = await readFolder(input);
    found = folder.files;
    skipped.push(...folder.skipped);
  }
  const texts = splitText(found, skipped);
  const identities = mergeIdentities(emptyIdentities(), options.system ?? (await systemIdentities()));
  for (const file of texts) mergeIdentities(identities, identitiesInFile(basename(file.path), file.text));
  const ledger = new RedactionLedger(loaded.map);
  const redactor = new Redactor(ledger, identities, options.keywords ?? []);
  const paths = new OutputPaths(redactor, isBundle ? 1 : 0, [MANIFEST_PATH]);
  const outputs: Output[] = [];
  for (const file of texts) {
    const target = paths.pathFor(file.path);
    if ('reason' in target) skipped.push({ path: file.path, reason: target.reason });
    else outputs.push({ from: file.path, path: target.path, data: file.encode(redactor.redact(file.text)) });
  }
  const counts = ledger.counts();
  await saveRedactionMap(mapPath, ledger.map);
  if (manifest) await writeRedactedBundle(manifest, outputs, counts, out);
  else {
    await mkdir(out, { mode: 0o700 });
    await writeAll(out, outputs);
  }
  return { out, mapPath, mapExisted: loaded.existed, counts, files: outputs.length, skipped, warnings: loaded.warnings };
}

async function writeRedactedBundle(manifest: Manifest, outputs: Output[], counts: RedactionCounts, out: string) {
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
    await writeAll(staging.dir, outputs);
    await writeFile(join(staging.dir, MANIFEST_PATH), `${JSON.stringify(redacted, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
    await packBundle(staging.dir, [MANIFEST_PATH, ...outputs.map((file) => file.path)], out);
  } finally {
    await removeStaging(staging);
  }
}
