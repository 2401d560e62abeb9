import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { isPersonal } from './annotate.ts';
import { collectDataMap } from './collect.ts';

async function catalogue(): Promise<Array<{ table: string; column: string }>> {
  const client = new pg.Client({ connectionString: inject('databaseUrl') });
  await client.connect();
  try {
    const { rows } = await client.query(
      // A partition's columns are its parent's, which the data map describes.
      `select c.table_name as table, c.column_name as column from information_schema.columns c
         join pg_class r on r.relname = c.table_name and r.relnamespace = 'public'::regnamespace
         where c.table_schema = 'public' and not r.relispartition order by 1, 2`,
    );
    return rows;
  } finally {
    await client.end();
  }
}

describe('data map', () => {
  it('[PRIN-1] annotates every column of the live database that is not a key or a timestamp', async () => {
    const map = new Map(collectDataMap().map((entry) => [`${entry.table}.${entry.column}`, entry]));
    const missing = (await catalogue()).filter(({ table, column }) => {
      const entry = map.get(`${table}.${column}`);
      return !entry || (!entry.annotation && !entry.structural);
    });
    expect(missing).toEqual([]);
  });

  it('names only columns that exist in the database', async () => {
    const live = new Set((await catalogue()).map(({ table, column }) => `${table}.${column}`));
    const ghosts = collectDataMap().filter((entry) => !live.has(`${entry.table}.${entry.column}`));
    expect(ghosts).toEqual([]);
  });

  it('gives every personal-data column a purpose, a legal basis, a retention rule and an erase strategy', () => {
    for (const entry of collectDataMap()) {
      if (!isPersonal(entry.annotation)) continue;
      expect(entry.annotation.purpose.length, `${entry.table}.${entry.column}`).toBeGreaterThan(5);
      expect(['contract', 'consent', 'legitimate-interest', 'legal-obligation']).toContain(entry.annotation.basis);
      expect(entry.annotation.retention).toMatch(/^[a-z0-9-]+$/);
      expect(['delete', 'anonymise', 'crypto-shred']).toContain(entry.annotation.erase);
    }
  });

  it('[STAT-3] has no column for special categories of data', () => {
    const special = /health|medical|religio|belief|politic|biometric|fingerprint|sexual|orientation|union|ethnic|racial|genetic/i;
    const offenders = collectDataMap().filter(
      (entry) => special.test(entry.column) || (isPersonal(entry.annotation) && special.test(entry.annotation.category)),
    );
    expect(offenders).toEqual([]);
  });
});
