import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from './embedded.ts';
import { applyMigrations } from './migrate.ts';

export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

async function onServer(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function migrated(url: string): Promise<void> {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  try {
    await applyMigrations(pool);
  } finally {
    await pool.end();
  }
}

/** A fresh, migrated database on the server `serverUrl` names, dropped again by `drop`. */
export async function scratchDatabaseOn(serverUrl: string, prefix: string): Promise<ScratchDatabase> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await onServer(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await migrated(url.toString());
  return { url: url.toString(), drop: () => onServer(serverUrl, `drop database if exists ${name} with (force)`) };
}

/** On DATABASE_URL's server when it is set, else on an embedded PostgreSQL in a temporary folder. */
export async function scratchDatabase(prefix: string, log: (line: string) => void): Promise<ScratchDatabase> {
  const base = process.env.DATABASE_URL;
  if (base) return scratchDatabaseOn(base, prefix);
  const dir = mkdtempSync(join(tmpdir(), `${prefix}-`));
  const embedded = await startEmbeddedPostgres(dir, log);
  await migrated(embedded.url);
  return {
    url: embedded.url,
    drop: async () => {
      await embedded.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
