import { Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useFormProblem } from '../../components/FormProblem';
import {
  COMMENT_BODY_MAX,
  COMMENT_RULES,
  type CommunityComment,
  type CommunityPost,
  type CommunityViewer,
  communityProblem,
  postPath,
  useAddComment,
  useEditComment,
} from '../../lib/community';
import { Byline } from './Byline';

/** A comment's text, written new or edited; empty is refused before any round trip. */
function CommentForm({
  label,
  fieldLabel,
  initial = '',
  submitLabel,
  busy,
  onSubmit,
  onCancel,
}: {
  label: string;
  fieldLabel: string;
  initial?: string;
  submitLabel: string;
  busy: boolean;
  onSubmit: (body: string) => Promise<unknown>;
  onCancel?: () => void;
}) {
  const [body, setBody] = useState(initial);
  const form = useFormProblem();

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    form.clear();
    const text = body.trim();
    if (!text) return form.setFieldError('body', 'Write your comment first.');
    try {
      await onSubmit(text);
      setBody('');
    } catch (err) {
      form.setProblem(communityProblem(err, COMMENT_RULES));
    }
  }

  return (
    <form ref={form.formRef} onSubmit={submit} noValidate aria-label={label}>
      {form.alert}
      <Stack gap="sm">
        <Textarea
          label={fieldLabel}
          name="body"
          autosize
          minRows={3}
          maxLength={COMMENT_BODY_MAX}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          error={form.fields.body}
          aria-invalid={form.fields.body ? true : undefined}
          data-autofocus={onCancel ? true : undefined}
        />
        <Group gap="sm">
          <Button type="submit" loading={busy}>
            {submitLabel}
          </Button>
          {onCancel && (
            <Button variant="default" onClick={onCancel} disabled={busy}>
              Cancel
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}

function Comment({ comment, onDelete }: { comment: CommunityComment; onDelete: (comment: CommunityComment) => void }) {
  const [editing, setEditing] = useState(false);
  const edit = useEditComment();
  return (
    <Paper
      component="li"
      withBorder
      p="md"
      radius="md"
      style={{ listStyle: 'none' }}
      data-testid="community-comment"
      aria-label={`Comment by ${comment.author.userName}`}
    >
      <Stack gap="xs">
        <Byline item={comment} />
        {editing ? (
          <CommentForm
            label="Edit your comment"
            fieldLabel="Your comment"
            initial={comment.body}
            submitLabel="Save comment"
            busy={edit.isPending}
            onSubmit={async (body) => {
              await edit.mutateAsync({ id: comment.id, body });
              setEditing(false);
            }}
            onCancel={() => setEditing(false)}
          />
        ) : (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="comment-body">
            {comment.body}
          </Text>
        )}
        {comment.mine && !editing && (
          <Group gap={6}>
            <Button size="compact-sm" variant="default" onClick={() => setEditing(true)} aria-label="Edit your comment">
              Edit
            </Button>
            <Button size="compact-sm" variant="light" color="red" onClick={() => onDelete(comment)} aria-label="Delete your comment">
              Delete
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

/** A post's comments, oldest first, and a way to add one for whoever may (COMM-1). */
export function Comments({ post, viewer, onDelete }: { post: CommunityPost; viewer: CommunityViewer; onDelete: (comment: CommunityComment) => void }) {
  const add = useAddComment(post.id);
  return (
    <Stack gap="md">
      {post.comments.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="no-comments">
          No comments yet.
        </Text>
      ) : (
        <Stack component="ol" gap="sm" p={0} m={0} aria-label="Comments" data-testid="community-comments">
          {post.comments.map((c) => (
            <Comment key={c.id} comment={c} onDelete={onDelete} />
          ))}
        </Stack>
      )}
      {viewer.kind === 'member' && (
        <CommentForm
          label="Write a comment"
          fieldLabel="Your comment"
          submitLabel="Post comment"
          busy={add.isPending}
          onSubmit={(body) => add.mutateAsync(body)}
        />
      )}
      {viewer.kind === 'signed-in' && (
        <Group gap="sm">
          <Text size="sm">Join the community to comment.</Text>
          <Button component={Link} to="/account/community" size="compact-sm" variant="light">
            Join the community
          </Button>
        </Group>
      )}
      {viewer.kind === 'anonymous' && (
        <Group gap="sm">
          <Text size="sm">Members can comment.</Text>
          <Button component={Link} to={`/sign-in?next=${encodeURIComponent(postPath(post.id))}`} size="compact-sm" variant="default">
            Sign in to comment
          </Button>
        </Group>
      )}
    </Stack>
  );
}
