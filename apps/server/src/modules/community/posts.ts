import { and, desc, eq, lt, or, sql } from 'drizzle-orm';
import type { Deps } from '../../platform/deps.ts';
import { problems } from '../../platform/errors.ts';
import { isUuid } from '../../platform/uuid.ts';
import { type CommentView, commentsOf } from './comments.ts';
import { type PublicAuthor, publicAuthor, requirePostingMember } from './members.ts';
import { communityComment, communityMember, communityPost } from './schema.ts';
import { authorVisible, withinHourlyLimit } from './visibility.ts';

export const POSTS_PER_HOUR = 10;
export const PAGE_SIZE = 20;
const EXCERPT_CHARS = 280;

export interface PostInput {
  title: string;
  body: string;
}

export interface PostSummary {
  id: string;
  title: string;
  excerpt: string;
  author: PublicAuthor;
  createdAt: string;
  updatedAt: string;
  comments: number;
  mine: boolean;
}

export interface PostView extends Omit<PostSummary, 'excerpt' | 'comments'> {
  body: string;
  comments: CommentView[];
}

/** A page's end: the last post's time and id, so posts written in the same millisecond are neither skipped nor repeated. */
function encodeCursor(createdAt: Date, id: string): string {
  return Buffer.from(`${createdAt.toISOString()}|${id}`).toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(at ?? '');
  if (Number.isNaN(createdAt.getTime()) || !id || !isUuid(id)) throw problems.invalidField('cursor', 'is not a cursor this list gave');
  return { createdAt, id };
}

/** Inside the subquery the unaliased member table is the commenter's, which shadows the outer join on the post's author. */
const visibleComments = sql<number>`(select count(*) from ${communityComment}
  join ${communityMember} on ${communityMember.userId} = ${communityComment.userId}
  where ${communityComment.postId} = ${communityPost.id} and ${authorVisible()})::int`;

/** Newest first, a page at a time; readable by anyone, signed in or not. */
export async function listPosts(deps: Pick<Deps, 'db'>, viewerId: string | null, cursor?: string): Promise<{ posts: PostSummary[]; next: string | null }> {
  const after = cursor === undefined ? undefined : decodeCursor(cursor);
  const rows = await deps.db
    .select({ post: communityPost, member: communityMember, comments: visibleComments })
    .from(communityPost)
    .innerJoin(communityMember, eq(communityMember.userId, communityPost.userId))
    .where(
      and(
        authorVisible(),
        after && or(lt(communityPost.createdAt, after.createdAt), and(eq(communityPost.createdAt, after.createdAt), lt(communityPost.id, after.id))),
      ),
    )
    .orderBy(desc(communityPost.createdAt), desc(communityPost.id))
    .limit(PAGE_SIZE + 1);
  const page = rows.slice(0, PAGE_SIZE);
  const last = page.at(-1);
  return {
    posts: page.map(({ post, member, comments }) => ({
      id: post.id,
      title: post.title,
      excerpt: post.body.length > EXCERPT_CHARS ? `${post.body.slice(0, EXCERPT_CHARS - 1)}…` : post.body,
      author: publicAuthor(member),
      createdAt: post.createdAt.toISOString(),
      updatedAt: post.updatedAt.toISOString(),
      comments,
      mine: post.userId === viewerId,
    })),
    next: rows.length > PAGE_SIZE && last ? encodeCursor(last.post.createdAt, last.post.id) : null,
  };
}

export async function readPost(deps: Pick<Deps, 'db'>, viewerId: string | null, postId: string): Promise<PostView> {
  if (!isUuid(postId)) throw problems.notFound('post');
  const [row] = await deps.db
    .select({ post: communityPost, member: communityMember })
    .from(communityPost)
    .innerJoin(communityMember, eq(communityMember.userId, communityPost.userId))
    .where(and(eq(communityPost.id, postId), authorVisible()));
  if (!row) throw problems.notFound('post');
  return {
    id: row.post.id,
    title: row.post.title,
    body: row.post.body,
    author: publicAuthor(row.member),
    createdAt: row.post.createdAt.toISOString(),
    updatedAt: row.post.updatedAt.toISOString(),
    mine: row.post.userId === viewerId,
    comments: await commentsOf(deps, viewerId, postId),
  };
}

export async function createPost(deps: Pick<Deps, 'db' | 'clock'>, userId: string, input: PostInput): Promise<PostView> {
  await requirePostingMember(deps, userId);
  await withinHourlyLimit(deps, communityPost, userId, POSTS_PER_HOUR);
  const now = deps.clock.now();
  const [row] = await deps.db.insert(communityPost).values({ userId, title: input.title, body: input.body, createdAt: now, updatedAt: now }).returning();
  return readPost(deps, userId, row.id);
}

/** Only the author edits or deletes a post; to anyone else it is a post they cannot touch, so it is not found. */
const ownPost = (userId: string, postId: string) => and(eq(communityPost.id, postId), eq(communityPost.userId, userId));

export async function editPost(deps: Pick<Deps, 'db' | 'clock'>, userId: string, postId: string, input: PostInput): Promise<PostView> {
  await requirePostingMember(deps, userId);
  if (!isUuid(postId)) throw problems.notFound('post');
  const updated = await deps.db
    .update(communityPost)
    .set({ title: input.title, body: input.body, updatedAt: deps.clock.now() })
    .where(ownPost(userId, postId))
    .returning({ id: communityPost.id });
  if (updated.length === 0) throw problems.notFound('post');
  return readPost(deps, userId, postId);
}

/** Deleting is allowed even while restricted: it is erasure, not processing. Its comments go with it. */
export async function deletePost(deps: Pick<Deps, 'db'>, userId: string, postId: string): Promise<void> {
  if (!isUuid(postId)) throw problems.notFound('post');
  const deleted = await deps.db.delete(communityPost).where(ownPost(userId, postId)).returning({ id: communityPost.id });
  if (deleted.length === 0) throw problems.notFound('post');
}
