import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import { problems } from '../../platform/errors.ts';
import type { Auth } from '../accounts/auth.ts';
import { guard, optionalUser, signedIn } from '../accounts/current-session.ts';
import { requireFreshSignIn } from '../accounts/require-fresh-sign-in.ts';
import { addComment, deleteComment, editComment } from './comments.ts';
import {
  CommentIn,
  CommentOut,
  IdParams,
  LeftOut,
  ListQuery,
  MemberIn,
  MemberOut,
  PostIn,
  PostOut,
  PostPageOut,
  PublicMemberOut,
  UserNameParams,
} from './community-schemas.ts';
import { leaveCommunity, type MemberInput, myMembership, saveMembership } from './members.ts';
import { createPost, deletePost, editPost, listPosts, type PostInput, readPost } from './posts.ts';
import { publicProfile } from './public-profile.ts';

const tags = ['community'];
type Id = { Params: { id: string } };

/** What anyone may read: posts, their comments and members' public profiles; a signed-in reader is told what is theirs. */
export async function communityReadRoutes(app: FastifyInstance, opts: { auth: Auth; deps: Deps }) {
  const { auth, deps } = opts;
  const viewer = async (request: Parameters<typeof optionalUser>[1]) => (await optionalUser(auth, request))?.userId ?? null;
  app.get<{ Querystring: { cursor?: string } }>(
    '/api/community/posts',
    { schema: { tags, summary: 'Posts, newest first, a page at a time', querystring: ListQuery, response: { 200: PostPageOut } } },
    async (request) => listPosts(deps, await viewer(request), request.query.cursor),
  );
  app.get<Id>(
    '/api/community/posts/:id',
    { schema: { tags, summary: 'A post and its comments', params: IdParams, response: { 200: PostOut } } },
    async (request) => readPost(deps, await viewer(request), request.params.id),
  );
  app.get<{ Params: { userName: string } }>(
    '/api/community/members/:userName',
    { schema: { tags, summary: 'What everyone sees of a member', params: UserNameParams, response: { 200: PublicMemberOut } } },
    (request) => publicProfile(deps, request.params.userName),
  );
}

/** A member's own community account (COMM-1, COMM-4) and what they write. */
export async function communityMemberRoutes(app: FastifyInstance, opts: { auth: Auth; deps: Deps }) {
  const { auth, deps } = opts;
  app.addHook('onRequest', guard(auth));
  app.get('/api/community/me', { schema: { tags, summary: 'My community account', response: { 200: MemberOut } } }, (request) =>
    myMembership(deps, signedIn(request).userId),
  );
  app.put<{ Body: MemberInput }>(
    '/api/community/me',
    { schema: { tags, summary: 'Join the community, or correct my profile (COMM-1)', body: MemberIn, response: { 200: MemberOut, 201: MemberOut } } },
    async (request, reply) => {
      const saved = await saveMembership(deps, signedIn(request).userId, request.body);
      return reply.code(saved.created ? 201 : 200).send(saved.member);
    },
  );
  app.post(
    '/api/community/me/deletion',
    { schema: { tags, summary: 'Delete my community account: hidden now, purged within 24 hours (COMM-4)', response: { 202: LeftOut } } },
    async (request, reply) => {
      const caller = signedIn(request);
      requireFreshSignIn(deps, caller);
      const left = await leaveCommunity(deps, caller.userId);
      if (!left) throw problems.notFound('community account');
      return reply.code(202).send({ purgeBy: left.purgeBy.toISOString() });
    },
  );
  app.post<{ Body: PostInput }>(
    '/api/community/posts',
    { schema: { tags, summary: 'Write a post', body: PostIn, response: { 201: PostOut } } },
    async (request, reply) => reply.code(201).send(await createPost(deps, signedIn(request).userId, request.body)),
  );
  app.patch<Id & { Body: PostInput }>(
    '/api/community/posts/:id',
    { schema: { tags, summary: 'Edit my post', params: IdParams, body: PostIn, response: { 200: PostOut } } },
    (request) => editPost(deps, signedIn(request).userId, request.params.id, request.body),
  );
  app.delete<Id>('/api/community/posts/:id', { schema: { tags, summary: 'Delete my post and its comments', params: IdParams } }, async (request, reply) => {
    await deletePost(deps, signedIn(request).userId, request.params.id);
    return reply.code(204).send();
  });
  app.post<Id & { Body: { body: string } }>(
    '/api/community/posts/:id/comments',
    { schema: { tags, summary: 'Comment on a post (COMM-1)', params: IdParams, body: CommentIn, response: { 201: CommentOut } } },
    async (request, reply) => reply.code(201).send(await addComment(deps, signedIn(request).userId, request.params.id, request.body.body)),
  );
  app.patch<Id & { Body: { body: string } }>(
    '/api/community/comments/:id',
    { schema: { tags, summary: 'Edit my comment', params: IdParams, body: CommentIn, response: { 200: CommentOut } } },
    (request) => editComment(deps, signedIn(request).userId, request.params.id, request.body.body),
  );
  app.delete<Id>('/api/community/comments/:id', { schema: { tags, summary: 'Delete my comment', params: IdParams } }, async (request, reply) => {
    await deleteComment(deps, signedIn(request).userId, request.params.id);
    return reply.code(204).send();
  });
}
