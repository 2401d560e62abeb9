import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import { annotationOf, isPersonal, type PersonalData } from '../../../platform/datamap/annotate.ts';
import { allTables } from '../../../platform/datamap/collect.ts';

/** Column names that, in any table, hold the id of the person a row is about. */
const LINK_COLUMNS = ['user_id', 'subject_user_id', 'subject_id'];

/**
 * Tables whose rows name the person only by an address, never by id: erasure finds them by
 * the account's email. Held briefly and never exported, so they have no id column.
 */
const EMAIL_LINKS: Record<string, string> = { verifications: 'identifier', outbox_message: 'recipient', company_invitation: 'email' };

export interface PersonalColumn {
  column: string;
  annotation: PersonalData;
}

export interface SubjectLink {
  table: string;
  /** The column holding the subject's id (users.id for the users table itself). */
  idColumn: string | null;
  emailColumn: string | null;
  personal: PersonalColumn[];
  pgTable: PgTable;
}

function linkOf(name: string, columns: string[]): string | null {
  if (name === 'users') return 'id';
  return LINK_COLUMNS.find((candidate) => columns.includes(candidate)) ?? null;
}

/** For every table of the data map: how its rows belong to a subject, and its personal columns. */
export function subjectLinks(): SubjectLink[] {
  return allTables().map((pgTable) => {
    const config = getTableConfig(pgTable);
    const names = config.columns.map((c) => c.name);
    const personal = config.columns.flatMap((c) => {
      const annotation = annotationOf(c);
      return isPersonal(annotation) ? [{ column: c.name, annotation }] : [];
    });
    return { table: config.name, idColumn: linkOf(config.name, names), emailColumn: EMAIL_LINKS[config.name] ?? null, personal, pgTable };
  });
}

/** Personal columns that go into an export: exported, and never a secret. */
export function exportedColumns(link: SubjectLink): PersonalColumn[] {
  return link.personal.filter((p) => p.annotation.exported && !p.annotation.secret);
}
