/** Reading the files of a report without trusting them: wrong types and bad JSON give empty values. */
export type ReportFiles = ReadonlyMap<string, Buffer>;

export function textOf(files: ReportFiles, path: string): string | null {
  const data = files.get(path);
  return data === undefined ? null : data.toString('utf8');
}

export function jsonOf(files: ReportFiles, path: string): unknown {
  const text = textOf(files, path);
  if (text === null) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function recordOf(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

export function recordsOf(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.map(recordOf) : [];
}

export function stringOf(value: unknown): string {
  return typeof value === 'string' ? value.slice(0, 500) : typeof value === 'number' && Number.isFinite(value) ? String(value) : '';
}

export function numberOf(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : Number.NaN;
}

export function linesOf(text: string | null): string[] {
  return text === null ? [] : text.split(/\r?\n/).filter((line) => line.trim() !== '');
}
