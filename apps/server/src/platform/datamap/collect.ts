import { is } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import * as schema from '../../schema.ts';
import { type ColumnEntry, columnsOf } from './annotate.ts';

export function allTables(): PgTable[] {
  return Object.values(schema as Record<string, unknown>).filter((value): value is PgTable => is(value, PgTable));
}

/** The data map: every column of every table, with what its annotation says. */
export function collectDataMap(): ColumnEntry[] {
  return allTables().flatMap(columnsOf);
}
