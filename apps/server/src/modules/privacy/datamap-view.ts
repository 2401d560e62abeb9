import { type ColumnEntry, isPersonal } from '../../platform/datamap/annotate.ts';

export interface PersonalColumn {
  table: string;
  column: string;
  category: string;
  purpose: string;
  basis: string;
  retention: string;
  exported: boolean;
  erase: string;
  processors: string[];
  region: string | null;
}

/** The personal-data columns of the data map, sorted so the same schema always reads the same. */
export function personalColumns(entries: ColumnEntry[]): PersonalColumn[] {
  const rows: PersonalColumn[] = [];
  for (const entry of entries) {
    const a = entry.annotation;
    if (!isPersonal(a)) continue;
    rows.push({
      table: entry.table,
      column: entry.column,
      category: a.category,
      purpose: a.purpose,
      basis: a.basis,
      retention: a.retention,
      exported: a.exported,
      erase: a.erase,
      processors: a.processors ?? [],
      region: a.region ?? null,
    });
  }
  return rows.sort((x, y) => x.table.localeCompare(y.table) || x.column.localeCompare(y.column));
}

export function groupByTable(rows: PersonalColumn[]): Record<string, PersonalColumn[]> {
  const tables: Record<string, PersonalColumn[]> = {};
  for (const row of rows) {
    tables[row.table] ??= [];
    tables[row.table].push(row);
  }
  return tables;
}

const HEADINGS = ['table', 'column', 'category', 'purpose', 'basis', 'retention', 'exported', 'erase', 'processors', 'region'] as const;

/** The data map as an aligned text table, for the terminal. */
export function formatDataMapTable(rows: PersonalColumn[]): string {
  const cells = rows.map((row) => [
    row.table,
    row.column,
    row.category,
    row.purpose,
    row.basis,
    row.retention,
    row.exported ? 'yes' : 'no',
    row.erase,
    row.processors.join(',') || '-',
    row.region ?? '-',
  ]);
  const widths = HEADINGS.map((heading, i) => Math.max(heading.length, ...cells.map((line) => line[i].length)));
  const render = (line: readonly string[]) =>
    line
      .map((cell, i) => cell.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [render(HEADINGS), render(widths.map((w) => '-'.repeat(w))), ...cells.map(render)].join('\n');
}
