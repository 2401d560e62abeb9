import type { Column } from 'drizzle-orm';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';

export type Category =
  | 'identity'
  | 'contact'
  | 'credential'
  | 'security'
  | 'preference'
  | 'consent'
  | 'technical'
  | 'communication'
  | 'financial'
  | 'support'
  | 'content';

export type LegalBasis = 'contract' | 'consent' | 'legitimate-interest' | 'legal-obligation';

/** How erasure treats the column: drop the row, blank the value, or destroy the key that opens it. */
export type EraseStrategy = 'delete' | 'anonymise' | 'crypto-shred';

export interface PersonalData {
  category: Category;
  purpose: string;
  basis: LegalBasis;
  /** Id of a retention rule; the privacy engine turns each into a schedule. */
  retention: string;
  exported: boolean;
  erase: EraseStrategy;
  processors?: string[];
  region?: string;
  /** Secrets (password hashes, TOTP seeds) are held but never copied into an export. */
  secret?: boolean;
}

export interface NotPersonal {
  notPersonal: string;
}

type Annotation = PersonalData | NotPersonal;

// Keyed by the builder's config object, which drizzle hands unchanged to the built column.
const annotations = new WeakMap<object, Annotation>();

interface HasConfig {
  config: object;
}

/** Marks a column as personal data; the annotation sits on the column it describes. */
export function personal<B>(builder: B, annotation: PersonalData): B {
  annotations.set((builder as unknown as HasConfig).config, annotation);
  return builder;
}

/** Marks a column whose name could suggest personal data but which holds none, with the reason. */
export function notPersonal<B>(builder: B, reason: string): B {
  annotations.set((builder as unknown as HasConfig).config, { notPersonal: reason });
  return builder;
}

export function annotationOf(column: Column): Annotation | undefined {
  return annotations.get((column as unknown as HasConfig).config);
}

export function isPersonal(annotation: Annotation | undefined): annotation is PersonalData {
  return annotation !== undefined && 'category' in annotation;
}

/** Keys, links to the subject and timestamps: structure, not content. */
const STRUCTURAL = /^(id|.*_id|.*_at|.*_until|.*_expires)$/;

export interface ColumnEntry {
  table: string;
  column: string;
  annotation: Annotation | undefined;
  structural: boolean;
}

export function columnsOf(table: PgTable): ColumnEntry[] {
  const config = getTableConfig(table);
  return config.columns.map((column) => ({
    table: config.name,
    column: column.name,
    annotation: annotationOf(column),
    structural: STRUCTURAL.test(column.name),
  }));
}
