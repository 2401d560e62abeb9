import { sql } from 'drizzle-orm';
import { boolean, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { type PersonalData, personal } from '../../platform/datamap/annotate.ts';
import { users } from '../accounts/schema.ts';

const tz = { withTimezone: true } as const;

/** COMM-4: a community account's data is purged within 24 hours of its deletion, whoever or whatever deleted it. */
export const COMMUNITY_RETENTION = 'community-deleted-24-hours';

function memberData(category: PersonalData['category'], purpose: string): PersonalData {
  return { category, purpose, basis: 'contract', retention: COMMUNITY_RETENTION, exported: true, erase: 'delete' };
}

/**
 * A community account (COMM-1): a profile on a Steward account, whose email and password it signs in with.
 * Deleting it sets `deleted_at`, which hides it and everything it wrote at once; the sweep then removes the row,
 * and with it, by the foreign keys, its posts and comments.
 */
export const communityMember = pgTable(
  'community_member',
  {
    userId: text('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    userName: personal(text('user_name').notNull(), memberData('identity', 'The name other members see on your posts and comments')),
    firstName: personal(text('first_name').notNull(), memberData('identity', 'Your first name, shown beside your user name only if you choose')),
    lastName: personal(text('last_name').notNull(), memberData('identity', 'Your last name, shown beside your user name only if you choose')),
    showFullName: personal(boolean('show_full_name').notNull().default(false), memberData('preference', 'Whether other members see your first and last name')),
    notifyReplies: personal(
      boolean('notify_replies').notNull().default(false),
      memberData('preference', 'Whether you are emailed when someone comments on your posts'),
    ),
    createdAt: timestamp('created_at', tz).notNull(),
    updatedAt: timestamp('updated_at', tz).notNull(),
    deletedAt: timestamp('deleted_at', tz),
  },
  (t) => [uniqueIndex('community_member_user_name_idx').on(sql`lower(${t.userName})`), index('community_member_deleted_at_idx').on(t.deletedAt)],
);

export const communityPost = pgTable(
  'community_post',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: text('user_id')
      .notNull()
      .references(() => communityMember.userId, { onDelete: 'cascade' }),
    title: personal(text('title').notNull(), memberData('content', 'The title of a post you wrote, shown to everyone')),
    body: personal(text('body').notNull(), memberData('content', 'The text of a post you wrote, shown to everyone')),
    createdAt: timestamp('created_at', tz).notNull(),
    updatedAt: timestamp('updated_at', tz).notNull(),
    /** When the author was last emailed about a comment, so a busy post mails them at most once an hour. */
    authorNotifiedAt: timestamp('author_notified_at', tz),
  },
  (t) => [index('community_post_created_idx').on(t.createdAt, t.id), index('community_post_user_idx').on(t.userId, t.createdAt)],
);

/** A comment on a post; it goes with the post, since it answers what is no longer there. */
export const communityComment = pgTable(
  'community_comment',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    postId: uuid('post_id')
      .notNull()
      .references(() => communityPost.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => communityMember.userId, { onDelete: 'cascade' }),
    body: personal(text('body').notNull(), memberData('content', 'The text of a comment you wrote, shown to everyone')),
    createdAt: timestamp('created_at', tz).notNull(),
    updatedAt: timestamp('updated_at', tz).notNull(),
  },
  (t) => [index('community_comment_post_idx').on(t.postId, t.createdAt), index('community_comment_user_idx').on(t.userId, t.createdAt)],
);
