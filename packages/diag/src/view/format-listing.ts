import type { Manifest } from '../bundle/manifest.ts';

/** One line per file: section, path, size and the first 12 hex digits of its sha256. */
export function formatListing(manifest: Manifest): string {
  const rows = manifest.files.map((file) => [file.section, file.path, String(file.bytes), file.sha256.slice(0, 12)]);
  const header = ['SECTION', 'PATH', 'BYTES', 'SHA256'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (column === 2 ? cell.padStart(widths[column]) : cell.padEnd(widths[column])))
      .join('  ')
      .trimEnd();
  const summary = `${manifest.files.length} files, created ${manifest.createdAt} by ${manifest.tool.name} ${manifest.tool.version} on ${manifest.host.platform}`;
  return `${summary}\n${[header, ...rows].map(line).join('\n')}\n`;
}
