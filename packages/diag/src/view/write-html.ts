import { chmod, open } from 'node:fs/promises';
import { basename } from 'node:path';
import { readBundle } from '../bundle/read-bundle.ts';
import { renderHtml } from './render-html.ts';

export function defaultHtmlPath(bundlePath: string): string {
  return `${bundlePath.replace(/\.tar\.gz$|\.tgz$/, '')}.html`;
}

/** Writes the bundle's page to `outPath` with mode 0600 (DIAG-3, DIAG-7): the page holds the bundle's full content. */
export async function writeHtml(bundlePath: string, outPath: string = defaultHtmlPath(bundlePath)): Promise<string> {
  const contents = await readBundle(bundlePath);
  const handle = await open(outPath, 'w', 0o600);
  try {
    await handle.chmod(0o600);
    await handle.writeFile(renderHtml(contents, basename(bundlePath)));
  } finally {
    await handle.close();
  }
  await chmod(outPath, 0o600);
  return outPath;
}
