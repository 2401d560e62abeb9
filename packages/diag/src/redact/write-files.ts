import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** A redacted file: where it came from, where it goes and what it holds. */
export interface Output {
  from: string;
  path: string;
  data: Buffer;
}

/**
 * Private folders and files; each folder is made once, as a report has a thousand files in a few hundred folders.
 * Synchronous for the reason `readFolder` is: small writes cost less as plain system calls than through the thread pool.
 */
export function writeAll(root: string, outputs: Output[]): void {
  const folders = new Set(outputs.map((file) => dirname(join(root, file.path))));
  for (const folder of folders) mkdirSync(folder, { recursive: true, mode: 0o700 });
  for (const file of outputs) writeFileSync(join(root, file.path), file.data, { mode: 0o600, flag: 'wx' });
}
