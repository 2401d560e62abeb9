import type pg from 'pg';

// What drizzle-kit generates for schema.ts. Only tests use it, until the migration that
// creates these tables exists; then it finds them and does nothing.
const createSql = `
CREATE TABLE IF NOT EXISTS "blob" (
	"id" uuid PRIMARY KEY NOT NULL,
	"subject_id" text NOT NULL,
	"purpose" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" bigint NOT NULL,
	"sha256" text NOT NULL,
	"wrapped_data_key" text NOT NULL,
	"iv" text NOT NULL,
	"tag" text NOT NULL,
	"object_key" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
CREATE TABLE IF NOT EXISTS "subject_key" (
	"subject_id" text PRIMARY KEY NOT NULL,
	"wrapped_key" text,
	"destroyed_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
CREATE INDEX IF NOT EXISTS "blob_subject_id_idx" ON "blob" USING btree ("subject_id");
`;

/** Test files run in parallel on one database: the lock keeps two of them from both creating. */
export async function createBlobTablesIfMissing(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query('select pg_advisory_xact_lock($1)', [0x5733_b10b]);
    await client.query(createSql);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
