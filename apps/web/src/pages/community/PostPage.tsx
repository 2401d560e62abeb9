import { Alert, Anchor, Box, Button, Card, Group, Stack, Text } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ConfirmModal } from '../../components/ConfirmModal';
import { PageTitle } from '../../components/PageTitle';
import { PageLoader } from '../../components/RequireAuth';
import { Section } from '../../components/Section';
import { type CommunityComment, type CommunityPost, useCommunityViewer, useDeleteComment, useDeletePost, useEditPost, usePost } from '../../lib/community';
import { ApiError } from '../../lib/problem';
import { useConfirmedAction } from '../../lib/use-confirmed-action';
import { Byline } from './Byline';
import { Comments } from './Comments';
import { PostForm } from './PostForm';

type Deleting = { kind: 'post' } | { kind: 'comment'; comment: CommunityComment };

const DELETE_TEXT: Record<Deleting['kind'], { title: string; confirm: string; body: string }> = {
  post: { title: 'Delete your post?', confirm: 'Delete post', body: 'The post and every comment on it are deleted for good.' },
  comment: { title: 'Delete your comment?', confirm: 'Delete comment', body: 'The comment is deleted for good.' },
};

function BackLink() {
  return (
    <Anchor component={Link} to="/community" size="sm" w="fit-content">
      <Group gap={4} wrap="nowrap">
        <IconArrowLeft size={14} aria-hidden /> All posts
      </Group>
    </Anchor>
  );
}

function PostBody({ post, onDelete }: { post: CommunityPost; onDelete: () => void }) {
  const [editing, setEditing] = useState(false);
  const edit = useEditPost(post.id);
  if (editing)
    return (
      <Card withBorder padding="lg" component="section" aria-label="Edit your post">
        <PostForm
          label="Edit your post"
          initial={{ title: post.title, body: post.body }}
          submitLabel="Save post"
          busy={edit.isPending}
          onSubmit={async (input) => {
            await edit.mutateAsync(input);
            setEditing(false);
          }}
          onCancel={() => setEditing(false)}
        />
      </Card>
    );
  return (
    <Card withBorder padding="lg" component="section" aria-label="Post">
      <Stack gap="md">
        <Byline item={post} />
        <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="post-body">
          {post.body}
        </Text>
        {post.mine && (
          <Group gap="sm">
            <Button variant="default" size="compact-md" onClick={() => setEditing(true)}>
              Edit post
            </Button>
            <Button variant="light" color="red" size="compact-md" onClick={onDelete}>
              Delete post
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}

/** A post and its comments, for anyone to read; its author edits or deletes it here, and members comment (COMM-1). */
export function PostPage() {
  const { id = '' } = useParams();
  const post = usePost(id);
  const viewer = useCommunityViewer();
  const navigate = useNavigate();
  const deletePost = useDeletePost(id);
  const deleteComment = useDeleteComment();
  const deleting = useConfirmedAction(async (what: Deleting) => {
    if (what.kind === 'comment') {
      await deleteComment.mutateAsync(what.comment.id);
      return 'Your comment is deleted.';
    }
    await deletePost.mutateAsync();
    navigate('/community', { replace: true });
    return 'Your post and its comments are deleted.';
  });

  if (post.isPending) return <PageLoader label="Loading the post" />;
  if (post.error) {
    const missing = post.error instanceof ApiError && post.error.status === 404;
    return (
      <Stack gap="md" align="flex-start">
        <BackLink />
        <PageTitle>{missing ? 'Post not found' : 'Post'}</PageTitle>
        <Alert color={missing ? 'gray' : 'red'} variant="light" role="alert">
          {missing ? 'There is no such post. Its author may have deleted it or left the community.' : post.error.message}
        </Alert>
      </Stack>
    );
  }

  const p = post.data;
  const n = p.comments.length;
  const deleteKind = deleting.pending?.kind ?? 'post';
  return (
    <Stack gap="lg">
      <BackLink />
      <Box style={{ overflowWrap: 'anywhere' }}>
        <PageTitle>{p.title}</PageTitle>
      </Box>
      <PostBody post={p} onDelete={() => deleting.ask({ kind: 'post' })} />
      <Section id="comments" title={n === 0 ? 'Comments' : `Comments (${n})`}>
        <Comments post={p} viewer={viewer} onDelete={(comment) => deleting.ask({ kind: 'comment', comment })} />
      </Section>
      <ConfirmModal
        opened={deleting.pending !== null}
        title={DELETE_TEXT[deleteKind].title}
        confirmLabel={DELETE_TEXT[deleteKind].confirm}
        color="red"
        busy={deletePost.isPending || deleteComment.isPending}
        error={deleting.error}
        onConfirm={() => void deleting.confirm()}
        onClose={deleting.close}
      >
        <Text size="sm">{DELETE_TEXT[deleteKind].body}</Text>
      </ConfirmModal>
    </Stack>
  );
}
