import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './api';
import { authClient } from './auth';
import { ApiError, fieldName } from './problem';

/** Shapes of the community API (apps/server/src/modules/community). */

/** What everyone sees of a member: the user name, and the full name only when the member chose to show it. */
export interface CommunityAuthor {
  userName: string;
  fullName: string | null;
}

export interface PostSummary {
  id: string;
  title: string;
  excerpt: string;
  author: CommunityAuthor;
  createdAt: string;
  updatedAt: string;
  /** How many visible comments the post has. */
  comments: number;
  /** Whether the reader wrote it. */
  mine: boolean;
}

export interface PostPage {
  posts: PostSummary[];
  /** The cursor of the next, older page; null on the last page. */
  next: string | null;
}

export interface CommunityComment {
  id: string;
  body: string;
  author: CommunityAuthor;
  createdAt: string;
  updatedAt: string;
  mine: boolean;
}

export interface CommunityPost {
  id: string;
  title: string;
  body: string;
  author: CommunityAuthor;
  createdAt: string;
  updatedAt: string;
  mine: boolean;
  comments: CommunityComment[];
}

/** A member's own community account (COMM-1); email and password are the Steward account's. */
export interface MemberInput {
  userName: string;
  firstName: string;
  lastName: string;
  showFullName: boolean;
  notifyReplies: boolean;
}

export interface Membership extends MemberInput {
  joinedAt: string;
}

export interface PublicMember {
  author: CommunityAuthor;
  joinedAt: string;
  posts: number;
}

export interface PostInput {
  title: string;
  body: string;
}

/** The limits the server checks, checked here first so the form can say them in words. */
export const USER_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{2,29}$/;
export const NAME_MAX = 80;
export const TITLE_MIN = 3;
export const TITLE_MAX = 150;
export const POST_BODY_MAX = 10_000;
export const COMMENT_BODY_MAX = 5_000;

/** What each community form says at a field whose value the server refused. */
export const MEMBER_RULES: Record<string, string> = {
  userName: 'Use 3 to 30 letters, digits, dots, dashes or underscores, starting with a letter or digit.',
  firstName: `Enter your first name, at most ${NAME_MAX} characters.`,
  lastName: `Enter your last name, at most ${NAME_MAX} characters.`,
};
export const POST_RULES: Record<string, string> = {
  title: `Give the post a title of ${TITLE_MIN} to ${TITLE_MAX} characters.`,
  body: `Write the post, at most ${POST_BODY_MAX.toLocaleString('en')} characters.`,
};
export const COMMENT_RULES: Record<string, string> = {
  body: `Write your comment, at most ${COMMENT_BODY_MAX.toLocaleString('en')} characters.`,
};

/**
 * The server's refusal in the words of the community forms: a taken or reserved user name at the user name, a
 * broken length or pattern rule as the rule itself. Pass the result to the form's setProblem.
 */
export function communityProblem(err: unknown, rules: Record<string, string>): unknown {
  if (!(err instanceof ApiError)) return err;
  if (err.code === 'user-name-taken') {
    return new ApiError({ ...err.problem, errors: [{ field: 'userName', message: 'This user name is taken; choose another.' }] }, err.status);
  }
  if (err.fieldErrors.length === 0) return err;
  const errors = err.fieldErrors.map((fe) => {
    const name = fieldName(fe.field);
    if (name === 'userName' && /reserved/i.test(fe.message))
      return { field: fe.field, message: 'This user name is kept for Steward’s own staff; choose another.' };
    return { field: fe.field, message: rules[name] ?? fe.message };
  });
  return new ApiError({ ...err.problem, errors }, err.status);
}

export const isRestrictedProblem = (err: unknown) => err instanceof ApiError && err.code === 'processing-restricted';
export const isDeletionPending = (err: unknown) => err instanceof ApiError && err.code === 'community-deletion-pending';

const COMMUNITY_KEY = ['community'];
const POSTS_KEY = [...COMMUNITY_KEY, 'posts'];
const ME_KEY = [...COMMUNITY_KEY, 'me'];
const postKey = (id: string) => [...COMMUNITY_KEY, 'post', id];
const memberKey = (userName: string) => [...COMMUNITY_KEY, 'member', userName.toLowerCase()];

export const memberPath = (userName: string) => `/community/members/${encodeURIComponent(userName)}`;
export const postPath = (id: string) => `/community/posts/${id}`;

/** Posts, newest first, a page at a time. */
export function usePosts() {
  return useInfiniteQuery({
    queryKey: POSTS_KEY,
    queryFn: ({ pageParam }) => api.get<PostPage>(pageParam ? `/api/community/posts?cursor=${encodeURIComponent(pageParam)}` : '/api/community/posts'),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next,
  });
}

export function usePost(id: string) {
  return useQuery({ queryKey: postKey(id), queryFn: () => api.get<CommunityPost>(`/api/community/posts/${encodeURIComponent(id)}`), retry: false });
}

export function usePublicMember(userName: string) {
  return useQuery({
    queryKey: memberKey(userName),
    queryFn: () => api.get<PublicMember>(`/api/community/members/${encodeURIComponent(userName)}`),
    retry: false,
  });
}

/**
 * The caller's community account; null while they have not joined (the API answers 403), and 'leaving' while a deletion
 * waits for its purge (409), when joining again is not possible yet. Only for a signed-in caller.
 */
export function useMembership(enabled = true) {
  return useQuery({
    queryKey: ME_KEY,
    enabled,
    queryFn: async (): Promise<Membership | null | 'leaving'> => {
      try {
        return await api.get<Membership>('/api/community/me');
      } catch (err) {
        if (err instanceof ApiError && err.code === 'community-membership-required') return null;
        if (isDeletionPending(err)) return 'leaving';
        throw err;
      }
    },
  });
}

/** Who reads a community page: what they may do there follows from it. */
export type CommunityViewer = { kind: 'pending' } | { kind: 'anonymous' } | { kind: 'signed-in' } | { kind: 'member'; member: Membership };

export function useCommunityViewer(): CommunityViewer {
  const { data: session, isPending } = authClient.useSession();
  const membership = useMembership(Boolean(session));
  if (isPending) return { kind: 'pending' };
  if (!session) return { kind: 'anonymous' };
  if (membership.isPending) return { kind: 'pending' };
  return membership.data && membership.data !== 'leaving' ? { kind: 'member', member: membership.data } : { kind: 'signed-in' };
}

/** A change to what the community shows: names on posts, posts, comments. Everything community is read again. */
function useCommunityMutation<Input, Output>(mutationFn: (input: Input) => Promise<Output>, onSuccess?: (output: Output, input: Input) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess,
    onSettled: () => queryClient.invalidateQueries({ queryKey: COMMUNITY_KEY }),
  });
}

/** COMM-1: joins the community, or corrects the profile. */
export function useSaveMembership() {
  const queryClient = useQueryClient();
  return useCommunityMutation(
    (input: MemberInput) => api.put<Membership>('/api/community/me', input),
    (saved) => queryClient.setQueryData(ME_KEY, saved),
  );
}

/** COMM-4: ends the community account; `run` asks for a fresh sign-in when the server wants one. */
export function useLeaveCommunity() {
  const queryClient = useQueryClient();
  return useCommunityMutation(
    (run: <T>(action: () => Promise<T>) => Promise<T>) => run(() => api.post<{ purgeBy: string }>('/api/community/me/deletion')),
    () => queryClient.setQueryData(ME_KEY, null),
  );
}

export function useCreatePost() {
  const queryClient = useQueryClient();
  return useCommunityMutation(
    (input: PostInput) => api.post<CommunityPost>('/api/community/posts', input),
    (created) => queryClient.setQueryData(postKey(created.id), created),
  );
}

export function useEditPost(id: string) {
  const queryClient = useQueryClient();
  return useCommunityMutation(
    (input: PostInput) => api.patch<CommunityPost>(`/api/community/posts/${id}`, input),
    (saved) => queryClient.setQueryData(postKey(id), saved),
  );
}

/** The post page leaves for the list once this resolves: the deleted post itself is not read again, which would answer 404. */
export function useDeletePost(id: string) {
  const queryClient = useQueryClient();
  const deleted = postKey(id);
  return useMutation({
    mutationFn: () => api.delete<void>(`/api/community/posts/${id}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: COMMUNITY_KEY, predicate: (q) => JSON.stringify(q.queryKey) !== JSON.stringify(deleted) }),
  });
}

export const useAddComment = (postId: string) =>
  useCommunityMutation((body: string) => api.post<CommunityComment>(`/api/community/posts/${postId}/comments`, { body }));
export const useEditComment = () =>
  useCommunityMutation(({ id, body }: { id: string; body: string }) => api.patch<CommunityComment>(`/api/community/comments/${id}`, { body }));
export const useDeleteComment = () => useCommunityMutation((id: string) => api.delete<void>(`/api/community/comments/${id}`));

/** Whether a post or comment was changed after it was written. */
export const wasEdited = (item: { createdAt: string; updatedAt: string }) => item.updatedAt !== item.createdAt;
