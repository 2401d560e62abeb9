import { bigint, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { notPersonal, personal } from '../datamap/annotate.ts';

/**
 * One key per data subject, sealed under a key derived from the master key. Blanking
 * wrapped_key is the crypto-shred: every file of the subject, wherever a copy of it lies,
 * can no longer be opened. The row stays as a tombstone so no new file is stored for them.
 */
export const subjectKey = pgTable('subject_key', {
  subjectId: text('subject_id').primaryKey(),
  wrappedKey: notPersonal(text('wrapped_key'), 'an encryption key sealed under the master key; holds nothing about the person'),
  destroyedAt: notPersonal(timestamp('destroyed_at', { withTimezone: true }), 'when the key was destroyed'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

/**
 * A stored file. Its content is personal data held outside the database, in the object store
 * (a folder or S3), encrypted under this row's data key; it is erased by destroying the
 * subject key (crypto-shred), which the file_name annotation below stands for as well.
 */
export const blob = pgTable(
  'blob',
  {
    id: uuid('id').primaryKey(),
    subjectId: text('subject_id').notNull(),
    purpose: notPersonal(text('purpose').notNull(), 'a fixed code naming which feature stored the file'),
    // Sealed under the data key like the content, so crypto-shredding erases the name too.
    fileName: personal(text('file_name').notNull(), {
      category: 'content',
      purpose: 'Keep the files a person gives us, under the name they gave them',
      basis: 'contract',
      retention: 'subject-lifetime',
      exported: true,
      erase: 'crypto-shred',
    }),
    contentType: notPersonal(text('content_type').notNull(), 'a media type such as application/pdf'),
    size: notPersonal(bigint('size', { mode: 'number' }).notNull(), 'a byte count'),
    sha256: notPersonal(text('sha256').notNull(), 'a one-way digest of the content used to check integrity; it cannot be turned back into the content'),
    wrappedDataKey: notPersonal(text('wrapped_data_key').notNull(), "the file's key, sealed under the subject key"),
    iv: notPersonal(text('iv').notNull(), 'a random nonce for AES-GCM'),
    tag: notPersonal(text('tag').notNull(), 'the AES-GCM authentication tag of the content'),
    objectKey: notPersonal(text('object_key').notNull(), 'where the ciphertext lies in the object store; made from the id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('blob_subject_id_idx').on(t.subjectId)],
);
