import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { Manifest } from '../bundle/manifest.ts';

export interface BundleSummary {
  size: number;
  sha256: string;
}

/** Size and sha256 of the bundle file exactly as it will be sent. */
export async function summarise(path: string): Promise<BundleSummary> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    size += chunk.length;
  }
  return { size, sha256: hash.digest('hex') };
}

/** What will leave the computer: every file with its size, then the bundle's size and hash. */
export function describeSend(manifest: Manifest, summary: BundleSummary, server: URL): string {
  const width = Math.max(4, ...manifest.files.map((file) => file.path.length));
  const lines = manifest.files.map((file) => `  ${file.path.padEnd(width)}  ${String(file.bytes).padStart(10)} bytes`);
  return [
    `These ${manifest.files.length} files will be sent to ${server.origin}:`,
    ...lines,
    `Bundle: ${summary.size} bytes (compressed), sha256 ${summary.sha256}`,
    '',
  ].join('\n');
}
