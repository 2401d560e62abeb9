import { readFileSync } from 'node:fs';
import type pg from 'pg';

const guardSql = readFileSync(new URL('./append-only.sql', import.meta.url), 'utf8');

/** Not the same number as the append lock: installing must not wait behind appends. */
const GUARD_INSTALL_LOCK = 0x5733_a0d2;

/**
 * Installs the triggers that refuse UPDATE, DELETE and TRUNCATE on audit_log. Safe to run at
 * every start: the SQL replaces what it finds, and the lock keeps two starting nodes from
 * racing on CREATE OR REPLACE FUNCTION.
 */
export async function installAppendOnlyGuard(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query('select pg_advisory_xact_lock($1)', [GUARD_INSTALL_LOCK]);
    await client.query(guardSql);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
