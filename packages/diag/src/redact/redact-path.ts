import { lstat, mkdir } from 'node:fs/promises';
import { basename, isAbsolute, relative, resolve } from 'node:path';
import { MANIFEST_PATH, type Manifest } from '../bundle/manifest.ts';
import { emptyIdentities, type Identities, identitiesInFile, mergeIdentities, systemIdentities } from './identities.ts';
import { loadRedactionMap, saveRedactionMap } from './map-file.ts';
import { OutputPaths } from './output-paths.ts';
import { RedactInputError } from './redact-input-error.ts';
import { type RedactionCounts, RedactionLedger } from './redaction-map.ts';
import { Redactor } from './redactor.ts';
import { type InPlaceOutput, rewriteInPlace } from './rewrite-in-place.ts';
import { decodeText, type FoundFile, readFolder, type Skipped } from './text-files.ts';
import { type Output, writeAll } from './write-files.ts';

export interface RedactPathOptions {
  input: string;
  out?: string;
  keywords?: string[];
  mapPath?: string;
  /** Redact a folder where it is, as `sos clean` does, instead of writing a copy. */
  inPlace?: boolean;
  /** The computer's own names; read from /etc and the OS when absent. */
  system?: Identities;
}

export interface RedactPathResult {
  out: string;
  mapPath: string;
  mapExisted: boolean;
  counts: RedactionCounts;
  files: number;
  /** Left out of the output: binary, oversized or not regular files cannot be redacted, so they are not copied (in place: removed). */
  skipped: Skipped[];
  warnings: string[];
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
  if (options.inPlace) {
    if (isBundle) throw new RedactInputError('--in-place works on folders; a bundle is redacted into a new bundle');
    if (options.out !== undefined) throw new RedactInputError('--in-place and --out cannot be used together');
  }
  const out = options.inPlace ? input : resolve(options.out ?? defaultOut(input, isBundle));
  const mapPath = resolve(options.mapPath ?? defaultMapPath(out));
  if (!options.inPlace) {
    if (await exists(out)) throw new RedactInputError(`${out} already exists; choose another --out`);
    if (isInside(input, out) || isInside(out, input)) throw new RedactInputError('--out must be outside the input');
  }
  if (isInside(out, mapPath) || isInside(input, mapPath)) throw new RedactInputError('the map must stay outside the input and the output');
  return { input, isBundle, out, mapPath };
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

interface RedactedText {
  from: string;
  path: string;
  text: string;
  /** Redaction hands back the very same string when it replaced nothing. */
  changed: boolean;
  encode: (text: string) => Buffer;
}

function redactTexts(texts: TextFile[], paths: OutputPaths, redactor: Redactor, skipped: Skipped[]): RedactedText[] {
  const redacted: RedactedText[] = [];
  for (const file of texts) {
    const target = paths.pathFor(file.path);
    if ('reason' in target) skipped.push({ path: file.path, reason: target.reason });
    else {
      const text = redactor.redact(file.text);
      redacted.push({ from: file.path, path: target.path, text, changed: text !== file.text, encode: file.encode });
    }
  }
  return redacted;
}

/**
 * Redacts a folder or a bundle into a new folder or bundle (never touching the input), or a folder in
 * place, and saves the map beside the output. Names are gathered from the computer and from all files
 * first, so a user seen in one file's home path is replaced in every file.
 */
export async function redactPath(options: RedactPathOptions): Promise<RedactPathResult> {
  const { input, isBundle, out, mapPath } = await resolvePaths(options);
  const loaded = await loadRedactionMap(mapPath);
  const skipped: Skipped[] = [];
  // tar and gzip take a tenth of a second to load, which a folder does not need.
  const bundleCode = isBundle ? await import('./redacted-bundle.ts') : null;
  let manifest: Manifest | null = null;
  let found: FoundFile[];
  if (bundleCode) ({ manifest, found } = await bundleCode.readBundleFiles(input));
  else {
    const folder = readFolder(input);
    found = folder.files;
    skipped.push(...folder.skipped);
  }
  const texts = splitText(found, skipped);
  const identities = mergeIdentities(emptyIdentities(), options.system ?? (await systemIdentities()));
  for (const file of texts) mergeIdentities(identities, identitiesInFile(basename(file.path), file.text));
  const ledger = new RedactionLedger(loaded.map);
  const redactor = new Redactor(ledger, identities, options.keywords ?? []);
  const redacted = redactTexts(texts, new OutputPaths(redactor, isBundle ? 1 : 0, [MANIFEST_PATH]), redactor, skipped);
  const counts = ledger.counts();
  await saveRedactionMap(mapPath, ledger.map);
  if (options.inPlace) {
    const changes: InPlaceOutput[] = redacted.map((file) => ({ from: file.from, path: file.path, data: file.changed ? file.encode(file.text) : null }));
    rewriteInPlace(out, changes, skipped);
  } else {
    const outputs: Output[] = redacted.map((file) => ({ from: file.from, path: file.path, data: file.encode(file.text) }));
    if (bundleCode && manifest) await bundleCode.writeRedactedBundle(manifest, outputs, counts, out);
    else {
      await mkdir(out, { mode: 0o700 });
      writeAll(out, outputs);
    }
  }
  return { out, mapPath, mapExisted: loaded.existed, counts, files: redacted.length, skipped, warnings: loaded.warnings };
}
