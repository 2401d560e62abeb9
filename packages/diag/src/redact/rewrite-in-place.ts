import { existsSync, mkdirSync, renameSync, rmdirSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { RedactInputError } from './redact-input-error.ts';
import type { Skipped } from './text-files.ts';

/** A redacted file of a folder redacted in place: new bytes only when redaction changed it. */
export interface InPlaceOutput {
  from: string;
  path: string;
  /** Null when redaction left the text as it was. */
  data: Buffer | null;
}

/**
 * A moved file must not land on any file that exists, not even one that is itself about to move;
 * checked before anything is touched, so a refusal leaves the folder as it was.
 */
function checkMoves(root: string, outputs: InPlaceOutput[]): void {
  for (const file of outputs) {
    if (file.path === file.from) continue;
    if (existsSync(join(root, file.path))) throw new RedactInputError(`${file.from} would be renamed onto ${file.path}, which exists; use --out instead`);
  }
}

function withParents(folder: string, into: Set<string>): void {
  for (; folder !== '.' && folder !== '' && !into.has(folder); folder = dirname(folder)) into.add(folder);
}

/**
 * Folders left empty by moves and removals go too, deepest first, up to (never including) the root.
 * Only folders that no longer hold anything are tried: a failed rmdir of a full folder costs as much as a write.
 */
function pruneEmptyFolders(root: string, touched: Set<string>, outputs: InPlaceOutput[]): void {
  const holding = new Set<string>();
  for (const file of outputs) withParents(dirname(file.path), holding);
  const emptied = new Set<string>();
  for (const folder of touched) withParents(folder, emptied);
  const deepestFirst = [...emptied].filter((folder) => !holding.has(folder)).sort((a, b) => b.split('/').length - a.split('/').length);
  for (const folder of deepestFirst) {
    try {
      rmdirSync(join(root, folder));
    } catch {
      // It holds something this run did not list, such as an empty folder of its own.
    }
  }
}

/**
 * Makes a folder what redacting it into a new folder would have written: changed files are replaced
 * (written beside, then renamed over, so a crash never leaves half a file), files whose names held
 * identifiers are moved, and what cannot be redacted (binary data, links, devices) is removed, as
 * `sos clean` does by default. Unchanged files are not written at all, which is why this is fast.
 */
export function rewriteInPlace(root: string, outputs: InPlaceOutput[], skipped: Skipped[]): void {
  checkMoves(root, outputs);
  const touched = new Set<string>();
  for (const file of outputs) {
    const source = join(root, file.from);
    if (file.path === file.from) {
      if (file.data === null) continue;
      const temporary = join(dirname(source), `.${basename(source)}.steward-diag-part`);
      writeFileSync(temporary, file.data, { mode: statSync(source).mode & 0o777, flag: 'wx' });
      renameSync(temporary, source);
      continue;
    }
    const target = join(root, file.path);
    mkdirSync(dirname(target), { recursive: true, mode: 0o700 });
    if (file.data === null) renameSync(source, target);
    else {
      writeFileSync(target, file.data, { mode: 0o600, flag: 'wx' });
      unlinkSync(source);
    }
    touched.add(dirname(file.from));
  }
  for (const file of skipped) {
    unlinkSync(join(root, file.path));
    touched.add(dirname(file.path));
  }
  pruneEmptyFolders(root, touched, outputs);
}
