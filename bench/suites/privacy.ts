import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { retentionRule } from '../../apps/server/src/modules/privacy/retention/rules.ts';
import { runRetention } from '../../apps/server/src/modules/privacy/retention/run-retention.ts';
import { eraseSubject } from '../../apps/server/src/modules/privacy/rights/erase-subject.ts';
import { startExport } from '../../apps/server/src/modules/privacy/rights/exports.ts';
import { runExport } from '../../apps/server/src/modules/privacy/rights/run-export.ts';
import { blobStoreOf } from '../../apps/server/src/modules/privacy/rights/subject-blobs.ts';
import type { Deps } from '../../apps/server/src/platform/deps.ts';
import { load, signedInCookie, startBenchServer } from './bench-server.ts';

const RECORDS = 10_000;
const FILES = 100;
const FILE_BYTES = 256 * 1024;
const EXPIRED_ROWS = 1_000_000;

const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;
const line = (label: string, value: string, beside = '') => process.stdout.write(`  ${label.padEnd(44)} ${value.padStart(12)}  ${beside}\n`);

/** 10,000 records across the subject's tables and 100 encrypted files. */
async function seedSubject(deps: Deps, userId: string, email: string): Promise<string[]> {
  const half = RECORDS / 2;
  await deps.db.execute(sql`insert into consent_ledger (user_id, purpose, granted, notice_version, source)
    select ${userId}, case when g % 2 = 0 then 'news' else 'surveys' end, g % 3 = 0, 'bench', 'bench' from generate_series(1, ${half}) g`);
  await deps.db.execute(sql`insert into outbox_message (channel, recipient, subject, body, subject_user_id)
    select 'email', ${email}, 'Message ' || g, repeat('Body text of a service message. ', 8), ${userId} from generate_series(1, ${half}) g`);
  const blobs = blobStoreOf(deps);
  const ids: string[] = [];
  for (let i = 0; i < FILES; i++) {
    const stored = await blobs.put({
      subjectId: userId,
      purpose: 'bench-upload',
      fileName: `file-${i}.log`,
      contentType: 'text/plain',
      data: randomBytes(FILE_BYTES),
      maxBytes: FILE_BYTES,
    });
    ids.push(stored.id);
  }
  return ids;
}

/** The ceiling for an export: the same rows selected and the same stored bytes read, nothing else. */
async function readRaw(deps: Deps, userId: string, fileIds: string[]): Promise<number> {
  const start = process.hrtime.bigint();
  await deps.db.execute(sql`select * from consent_ledger where user_id = ${userId}`);
  await deps.db.execute(sql`select * from outbox_message where subject_user_id = ${userId}`);
  const rows = await deps.db.execute<{ object_key: string }>(sql`select object_key from blob where id in ${sql.raw(`('${fileIds.join("','")}')`)}`);
  for (const row of rows.rows) await readFile(join(deps.config.dataDir, 'blobs', row.object_key));
  return seconds(start);
}

async function exportAndErase(deps: Deps, cookieUser: { userId: string; email: string }) {
  const fileIds = await seedSubject(deps, cookieUser.userId, cookieUser.email);
  const raw = await readRaw(deps, cookieUser.userId, fileIds);
  const start = process.hrtime.bigint();
  const { requestId } = await startExport(deps, cookieUser.userId);
  await runExport(deps, requestId);
  const exportSeconds = seconds(start);
  const eraseStart = process.hrtime.bigint();
  await eraseSubject(deps, cookieUser);
  const eraseSeconds = seconds(eraseStart);
  return { exportSeconds, raw, eraseSeconds };
}

async function seedExpired(deps: Deps): Promise<void> {
  await deps.db.execute(sql`insert into verifications (id, identifier, value, expires_at, created_at, updated_at)
    select 'bench-' || g, 'bench-' || g, 'x', now() - interval '2 days', now() - interval '3 days', now() from generate_series(1, ${EXPIRED_ROWS}) g`);
  await deps.db.execute(sql`analyze verifications`);
}

export async function privacyBench(): Promise<Record<string, number>> {
  process.stdout.write('privacy: export and erasure of one account, and a retention sweep under load\n');
  const server = await startBenchServer();
  try {
    const deps = server.runtime.deps;
    const subject = await signedInCookie(server);
    const { exportSeconds, raw, eraseSeconds } = await exportAndErase(deps, subject);
    line(`export (${RECORDS} records, ${FILES} files of ${FILE_BYTES / 1024} KiB)`, `${exportSeconds.toFixed(2)} s`, `ceiling: raw read ${raw.toFixed(2)} s`);
    line('erasure of the same account', `${eraseSeconds.toFixed(2)} s`);

    const reader = await signedInCookie(server);
    const api = `${server.url}/api/account`;
    await load(api, reader.cookie, { seconds: 3 });
    const baseline = await load(api, reader.cookie, { seconds: 10 });
    await seedExpired(deps);
    const sweepStart = process.hrtime.bigint();
    const sweep = runRetention(deps, retentionRule('verification-expired'));
    const during = await load(api, reader.cookie, { until: sweep });
    const swept = await sweep;
    const sweepSeconds = seconds(sweepStart);
    line(
      `sweep of ${swept.toLocaleString('en')} expired rows`,
      `${Math.round(swept / sweepSeconds).toLocaleString('en')} rows/s`,
      `${sweepSeconds.toFixed(1)} s`,
    );
    line('API p99 (GET /api/account) during the sweep', `${during.p99} ms`, `ceiling: ${baseline.p99} ms without it (${Math.round(baseline.rps)} req/s)`);
    return {
      export_s: round(exportSeconds),
      export_raw_s: round(raw),
      erase_s: round(eraseSeconds),
      sweep_rows: swept,
      sweep_rows_per_s: Math.round(swept / sweepSeconds),
      sweep_p99_ms: during.p99,
      baseline_p99_ms: baseline.p99,
      sweep_p99_ratio: round(during.p99 / Math.max(baseline.p99, 1)),
    };
  } finally {
    await server.close();
  }
}

const round = (n: number) => Math.round(n * 1000) / 1000;
