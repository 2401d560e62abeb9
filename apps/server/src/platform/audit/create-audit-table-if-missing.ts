import type pg from 'pg';
import { installAppendOnlyGuard } from './install-append-only-guard.ts';

// What drizzle-kit generates for schema.ts. Only tests use it, until the migration that
// creates audit_log exists; then it finds the table and does nothing.
const createSql = `
CREATE TABLE IF NOT EXISTS "audit_log" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" text NOT NULL,
	"action" text NOT NULL,
	"subject_user_id" text,
	"reason" text NOT NULL,
	"details" jsonb,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
CREATE INDEX IF NOT EXISTS "audit_log_subject_user_id_idx" ON "audit_log" USING btree ("subject_user_id","seq");
CREATE INDEX IF NOT EXISTS "audit_log_actor_id_idx" ON "audit_log" USING btree ("actor_id","seq");
`;

/** Test files run in parallel on one database: the lock keeps two of them from both creating. */
export async function createAuditTableIfMissing(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query('select pg_advisory_xact_lock($1)', [0x5733_a0d3]);
    await client.query(createSql);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
  await installAppendOnlyGuard(pool);
}
