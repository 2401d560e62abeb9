import type { ExportEntry, SubjectData } from './collect-subject-data.ts';

const CSV_COLUMNS = ['table', 'column', 'row', 'value', 'purpose', 'basis', 'retention'] as const;

function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
  // A spreadsheet would run a cell starting with these as a formula.
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(entries: ExportEntry[]): string {
  const lines = [CSV_COLUMNS.join(','), ...entries.map((entry) => CSV_COLUMNS.map((c) => csvCell(entry[c])).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

function readme(data: SubjectData, fileCount: number, createdAt: Date): string {
  const categories = Object.keys(data).sort();
  return [
    'Your data from Steward',
    '======================',
    '',
    `Made ${createdAt.toISOString()}. It holds everything we keep about you that the data map marks for export;`,
    'secrets such as password hashes and sign-in codes are never included.',
    '',
    'Files',
    '-----',
    ...categories.map((c) => `${c}.json, ${c}.csv: ${data[c as keyof SubjectData]?.length ?? 0} values of the category "${c}".`),
    `files/: the ${fileCount} file(s) you gave us, decrypted, each named <id>-<your file name>.`,
    '',
    'Format of each <category>.json',
    '------------------------------',
    'A JSON array (UTF-8) of objects with these fields:',
    '  table      the database table the value is kept in',
    '  column     the column of that table',
    '  row        values with the same table and row number come from one record',
    '  value      the value itself: text, number, true/false, a time in ISO 8601 (UTC), or JSON',
    '  purpose    why we keep it',
    '  basis      the legal basis: contract, consent, legitimate-interest or legal-obligation',
    '  retention  the retention rule that decides how long it is kept (see the privacy policy)',
    '',
    'Each <category>.csv has the same fields as columns (RFC 4180, comma-separated, CRLF line ends).',
    'A cell that would start with = + - @ is prefixed with an apostrophe so spreadsheets do not run it.',
    '',
  ].join('\n');
}

/** The data part of the export: one JSON and one CSV file per category, and the README. */
export function dataFiles(data: SubjectData, fileCount: number, createdAt: Date): Record<string, string> {
  const files: Record<string, string> = { 'README.txt': readme(data, fileCount, createdAt) };
  for (const [category, entries] of Object.entries(data)) {
    files[`${category}.json`] = `${JSON.stringify(entries, null, 2)}\n`;
    files[`${category}.csv`] = toCsv(entries ?? []);
  }
  return files;
}

/** A name that is safe inside a zip on any system: no folders, no control characters. */
export function zipFileName(id: string, fileName: string): string {
  const clean = fileName.replace(/[\\/:*?"<>|\p{Cc}]/gu, '_').slice(0, 150) || 'file';
  return `files/${id}-${clean}`;
}
