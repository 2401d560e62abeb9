import type pg from 'pg';

export interface Hit {
  table: string;
  column: string;
  needle: string;
}

/** Every text, varchar and jsonb column of every table in the public schema that holds one of the needles. */
export async function findAnywhere(pool: pg.Pool, needles: string[]): Promise<Hit[]> {
  const { rows: columns } = await pool.query<{ table_name: string; column_name: string }>(
    `select table_name, column_name from information_schema.columns
     where table_schema = 'public' and data_type in ('text', 'character varying', 'jsonb', 'json', 'character')`,
  );
  const hits: Hit[] = [];
  for (const { table_name: table, column_name: column } of columns) {
    for (const needle of needles) {
      const { rows } = await pool.query(`select 1 from "${table}" where position(lower($1) in lower("${column}"::text)) > 0 limit 1`, [needle]);
      if (rows.length > 0) hits.push({ table, column, needle });
    }
  }
  return hits;
}
