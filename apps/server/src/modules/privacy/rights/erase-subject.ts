import { sql } from 'drizzle-orm';
import { getTableConfig } from 'drizzle-orm/pg-core';
import { destroySubjectKey } from '../../../platform/blobs/subject-keys.ts';
import { DAY_MS } from '../../../platform/clock.ts';
import type { EraseStrategy } from '../../../platform/datamap/annotate.ts';
import type { Deps } from '../../../platform/deps.ts';
import { retentionRule } from '../retention/rules.ts';
import type { PersonalColumn, SubjectLink } from './subject-links.ts';
import { subjectLinks } from './subject-links.ts';

type Tx = Parameters<Parameters<Deps['db']['transaction']>[0]>[0];

export interface ErasedTable {
  table: string;
  how: EraseStrategy;
  columns: string[];
  rows: number;
}

export interface KeptTable {
  table: string;
  columns: string[];
  /** Why the law, or the delivery of this very report, makes us keep it. */
  reason: string;
  retention: string;
  /** The latest date the rule keeps it to, when the rule counts from now; null when it has no fixed end. */
  until: string | null;
}

/** How long a kept record may live after today, for the retention rules whose clock starts at erasure. */
const KEPT_FOR_MS: Record<string, number> = {
  'audit-6-years': 6 * 365 * DAY_MS,
  'consent-proof-3-years': 3 * 365 * DAY_MS,
  'outbox-30-days': 30 * DAY_MS,
  'orders-10-years': 10 * 365 * DAY_MS,
};

/** A record the law asks for outlives the account; data whose retention ends with the account does not. */
function keptByLaw(column: PersonalColumn): boolean {
  return column.annotation.basis === 'legal-obligation' && column.annotation.retention !== 'account-deleted-1-month';
}

export function keptUntil(retention: string, now: Date): string | null {
  const ms = KEPT_FOR_MS[retention];
  return ms === undefined ? null : new Date(now.getTime() + ms).toISOString();
}

function blankValue(link: SubjectLink, column: string) {
  const config = getTableConfig(link.pgTable).columns.find((c) => c.name === column);
  if (!config?.notNull) return sql`null`;
  return config.dataType === 'json' ? sql`'null'::jsonb` : sql`''`;
}

async function eraseTable(tx: Tx, deps: Pick<Deps, 'clock'>, link: SubjectLink, subject: { userId: string; email: string }): Promise<ErasedTable[]> {
  const erasable = link.personal.filter((c) => !keptByLaw(c));
  const kept = link.personal.length > erasable.length;
  const match = link.idColumn
    ? sql`${sql.identifier(link.idColumn)} = ${subject.userId}`
    : sql`${sql.identifier(link.emailColumn as string)} = ${subject.email}`;
  const by = (how: EraseStrategy) => erasable.filter((c) => c.annotation.erase === how).map((c) => c.column);
  const result: ErasedTable[] = [];
  if (by('crypto-shred').length > 0) {
    await destroySubjectKey(tx, deps.clock, subject.userId);
    const count = await tx.execute(sql`select count(*)::int as n from ${sql.identifier(link.table)} where ${match}`);
    result.push({ table: link.table, how: 'crypto-shred', columns: by('crypto-shred'), rows: Number(count.rows[0].n) });
  }
  if (!kept && by('delete').length > 0) {
    const deleted = await tx.execute(sql`delete from ${sql.identifier(link.table)} where ${match}`);
    return [...result, { table: link.table, how: 'delete', columns: by('delete'), rows: deleted.rowCount ?? 0 }];
  }
  const blank = erasable.filter((c) => c.annotation.erase === 'anonymise' || (kept && c.annotation.erase === 'delete')).map((c) => c.column);
  if (blank.length > 0) {
    const sets = sql.join(
      blank.map((c) => sql`${sql.identifier(c)} = ${blankValue(link, c)}`),
      sql`, `,
    );
    const updated = await tx.execute(sql`update ${sql.identifier(link.table)} set ${sets} where ${match}`);
    result.push({ table: link.table, how: 'anonymise', columns: blank, rows: updated.rowCount ?? 0 });
  }
  return result;
}

function keptOf(link: SubjectLink, now: Date): KeptTable[] {
  const kept = link.personal.filter(keptByLaw);
  const retentions = [...new Set(kept.map((c) => c.annotation.retention))];
  return retentions.map((retention) => {
    const columns = kept.filter((c) => c.annotation.retention === retention);
    const purposes = [...new Set(columns.map((c) => c.annotation.purpose))];
    return {
      table: link.table,
      columns: columns.map((c) => c.column),
      reason: `Kept under legal obligation to ${purposes.map((p) => p.charAt(0).toLowerCase() + p.slice(1)).join('; ')}. ${retentionRule(retention).description}`,
      retention,
      until: keptUntil(retention, now),
    };
  });
}

/** One entry per table and strategy, however many passes matched rows. */
function merged(entries: ErasedTable[]): ErasedTable[] {
  const byKey = new Map<string, ErasedTable>();
  for (const entry of entries) {
    const key = `${entry.table}:${entry.how}`;
    const seen = byKey.get(key);
    byKey.set(key, seen ? { ...seen, rows: seen.rows + entry.rows } : entry);
  }
  return [...byKey.values()];
}

/**
 * Runs each personal column's erase strategy from the data map for one subject, in one
 * transaction: rows are deleted, values blanked, or the subject key destroyed. What the law
 * makes us keep is left as it is and listed. The users row goes last, taking its dependants.
 */
export async function eraseSubject(deps: Pick<Deps, 'db' | 'clock'>, subject: { userId: string; email: string }) {
  const now = deps.clock.now();
  const links = subjectLinks()
    .filter((l) => (l.idColumn || l.emailColumn) && l.personal.length > 0)
    .sort((a, b) => Number(a.table === 'users') - Number(b.table === 'users'));
  const erased: ErasedTable[] = [];
  await deps.db.transaction(async (tx) => {
    for (const link of links) erased.push(...(await eraseTable(tx, deps, link, subject)));
    // Tables that name the person by id and by address are matched both ways.
    for (const link of links.filter((l) => l.idColumn && l.emailColumn)) {
      erased.push(...(await eraseTable(tx, deps, { ...link, idColumn: null }, subject)));
    }
  });
  return { erased: merged(erased), kept: links.filter((l) => l.idColumn).flatMap((l) => keptOf(l, now)) };
}
