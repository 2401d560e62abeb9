import { and, asc, eq, isNull, lte, or } from 'drizzle-orm';
import { HOUR_MS } from '../../platform/clock.ts';
import type { Deps } from '../../platform/deps.ts';
import { problems } from '../../platform/errors.ts';
import { isUuid } from '../../platform/uuid.ts';
import { userSummary } from '../accounts/user-summaries.ts';
import { type PublicAuthor, publicAuthor, requirePostingMember } from './members.ts';
import { communityComment, communityMember, communityPost } from './schema.ts';
import { authorVisible, withinHourlyLimit } from './visibility.ts';

export const COMMENTS_PER_HOUR = 60;
export const MAX_COMMENTS_SHOWN = 500;

export interface CommentView {
  id: string;
  body: string;
  author: PublicAuthor;
  createdAt: string;
  updatedAt: string;
  mine: boolean;
}

type CommentRow = typeof communityComment.$inferSelect;

function commentView(comment: CommentRow, author: Parameters<typeof publicAuthor>[0], viewerId: string | null): CommentView {
  return {
    id: comment.id,
    body: comment.body,
    author: publicAuthor(author),
    createdAt: comment.createdAt.toISOString(),
    updatedAt: comment.updatedAt.toISOString(),
    mine: comment.userId === viewerId,
  };
}

/** The visible comments of a post, oldest first. */
export async function commentsOf(deps: Pick<Deps, 'db'>, viewerId: string | null, postId: string): Promise<CommentView[]> {
  const rows = await deps.db
    .select({ comment: communityComment, member: communityMember })
    .from(communityComment)
    .innerJoin(communityMember, eq(communityMember.userId, communityComment.userId))
    .where(and(eq(communityComment.postId, postId), authorVisible()))
    .orderBy(asc(communityComment.createdAt), asc(communityComment.id))
    .limit(MAX_COMMENTS_SHOWN);
  return rows.map(({ comment, member }) => commentView(comment, member, viewerId));
}

/** The post's author and whether they want to hear of comments, if the post is visible at all. */
async function visiblePost(deps: Pick<Deps, 'db'>, postId: string) {
  if (!isUuid(postId)) throw problems.notFound('post');
  const [row] = await deps.db
    .select({ id: communityPost.id, authorId: communityPost.userId, notify: communityMember.notifyReplies })
    .from(communityPost)
    .innerJoin(communityMember, eq(communityMember.userId, communityPost.userId))
    .where(and(eq(communityPost.id, postId), authorVisible()));
  if (!row) throw problems.notFound('post');
  return row;
}

/** COMM-1: any member comments on any visible post; its author is emailed only if they asked to be. */
export async function addComment(deps: Pick<Deps, 'db' | 'clock' | 'mailer' | 'config'>, userId: string, postId: string, body: string): Promise<CommentView> {
  const commenter = await requirePostingMember(deps, userId);
  const post = await visiblePost(deps, postId);
  await withinHourlyLimit(deps, communityComment, userId, COMMENTS_PER_HOUR);
  const now = deps.clock.now();
  const [row] = await deps.db.insert(communityComment).values({ postId, userId, body, createdAt: now, updatedAt: now }).returning();
  if (post.notify && post.authorId !== userId && (await claimNotification(deps, postId, now))) await tellAuthor(deps, post);
  return commentView(row, commenter, userId);
}

export const NOTIFY_EVERY_MS = HOUR_MS;

/** At most one mail an hour per post, however many comments it gets: the first comment of the hour claims it. */
async function claimNotification(deps: Pick<Deps, 'db'>, postId: string, now: Date): Promise<boolean> {
  const since = new Date(now.getTime() - NOTIFY_EVERY_MS);
  const claimed = await deps.db
    .update(communityPost)
    .set({ authorNotifiedAt: now })
    .where(and(eq(communityPost.id, postId), or(isNull(communityPost.authorNotifiedAt), lte(communityPost.authorNotifiedAt, since))))
    .returning({ id: communityPost.id });
  return claimed.length > 0;
}

/**
 * Only for a visible post, so never to a restricted or deleted author. The mail names neither the post nor the commenter: it waits in the outbox for up to 30 days, and community content
 * must be gone within a day of its author leaving (COMM-4).
 */
async function tellAuthor(deps: Pick<Deps, 'db' | 'mailer' | 'config'>, post: { id: string; authorId: string }) {
  const author = await userSummary(deps, post.authorId);
  if (!author) return;
  await deps.mailer.send({
    to: author.email,
    userId: post.authorId,
    subject: 'New comment on your community post',
    text: `Someone commented on one of your community posts:\n${deps.config.baseUrl}/community/posts/${post.id}\n\nYou get these emails because you asked for them in your community profile; switch them off there at any time.`,
  });
}

/** Only the author edits a comment, and only on a post that is still shown: a hidden post takes no new words. */
export async function editComment(deps: Pick<Deps, 'db' | 'clock'>, userId: string, commentId: string, body: string): Promise<CommentView> {
  const member = await requirePostingMember(deps, userId);
  if (!isUuid(commentId)) throw problems.notFound('comment');
  const [own] = await deps.db
    .select({ postId: communityComment.postId })
    .from(communityComment)
    .where(and(eq(communityComment.id, commentId), eq(communityComment.userId, userId)));
  if (!own) throw problems.notFound('comment');
  await visiblePost(deps, own.postId);
  const [row] = await deps.db.update(communityComment).set({ body, updatedAt: deps.clock.now() }).where(eq(communityComment.id, commentId)).returning();
  return commentView(row, member, userId);
}

/** Only the author deletes a comment; anyone else's is not found. */
export async function deleteComment(deps: Pick<Deps, 'db'>, userId: string, commentId: string): Promise<void> {
  if (!isUuid(commentId)) throw problems.notFound('comment');
  const deleted = await deps.db
    .delete(communityComment)
    .where(and(eq(communityComment.id, commentId), eq(communityComment.userId, userId)))
    .returning({ id: communityComment.id });
  if (deleted.length === 0) throw problems.notFound('comment');
}
