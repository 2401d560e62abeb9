import type { Category } from '../../../platform/datamap/annotate.ts';
import type { Deps } from '../../../platform/deps.ts';
import { Problem } from '../../../platform/errors.ts';
import { blobStoreOf, subjectFileIds } from './subject-blobs.ts';
import { exportedColumns, type PersonalColumn, type SubjectLink, subjectLinks } from './subject-links.ts';

export interface ExportEntry {
  table: string;
  column: string;
  /** Entries with the same table and row number come from one row. */
  row: number;
  value: unknown;
  purpose: string;
  basis: string;
  retention: string;
}

export type SubjectData = Partial<Record<Category, ExportEntry[]>>;

const MAX_ROWS_PER_TABLE = 50_000;
const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Rows a subject may not see yet: a disclosure the law keeps secret until a date (PRIN-4). */
const HIDDEN_UNTIL: Record<string, string> = { disclosure: 'secret_until' };

function plain(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}

function entriesOf(table: string, columns: PersonalColumn[], rows: Array<Record<string, unknown>>): Array<[Category, ExportEntry]> {
  return rows.flatMap((row, index) =>
    columns.map(({ column, annotation }): [Category, ExportEntry] => [
      annotation.category,
      { table, column, row: index + 1, value: plain(row[column]), purpose: annotation.purpose, basis: annotation.basis, retention: annotation.retention },
    ]),
  );
}

async function tableRows(deps: Pick<Deps, 'pool' | 'clock'>, link: SubjectLink, columns: PersonalColumn[], userId: string) {
  const hidden = HIDDEN_UNTIL[link.table];
  const filter = hidden ? ` and (${quote(hidden)} is null or ${quote(hidden)} <= $2)` : '';
  const params: unknown[] = hidden ? [userId, deps.clock.now()] : [userId];
  const list = columns.map((c) => quote(c.column)).join(', ');
  const sql = `select ${list} from ${quote(link.table)} where ${quote(link.idColumn as string)} = $1${filter} limit ${MAX_ROWS_PER_TABLE}`;
  return (await deps.pool.query(sql, params)).rows as Array<Record<string, unknown>>;
}

/** File names are sealed in the database; the export gives them as the person wrote them. */
async function fileNameRows(deps: Pick<Deps, 'db' | 'config' | 'clock'>, userId: string) {
  const store = blobStoreOf(deps);
  const rows: Array<Record<string, unknown>> = [];
  for (const id of await subjectFileIds(deps, userId)) {
    try {
      const opened = await store.open(id, { subjectId: userId });
      opened.stream.destroy();
      rows.push({ file_name: opened.meta.fileName });
    } catch (error) {
      if (!(error instanceof Problem && error.status === 410)) throw error;
    }
  }
  return rows;
}

/**
 * Everything about the subject that the data map marks exported, grouped by category. Only
 * exported columns are read and secrets never are, so nothing else can slip into the file.
 */
export async function collectSubjectData(deps: Pick<Deps, 'db' | 'pool' | 'config' | 'clock'>, userId: string): Promise<SubjectData> {
  const data: SubjectData = {};
  for (const link of subjectLinks()) {
    const columns = exportedColumns(link);
    if (!link.idColumn || columns.length === 0) continue;
    const rows = link.table === 'blob' ? await fileNameRows(deps, userId) : await tableRows(deps, link, columns, userId);
    for (const [category, entry] of entriesOf(link.table, columns, rows)) {
      const list = data[category] ?? [];
      list.push(entry);
      data[category] = list;
    }
  }
  return data;
}
