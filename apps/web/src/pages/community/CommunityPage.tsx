import { Alert, Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconMessage, IconPencilPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { PageLoader } from '../../components/RequireAuth';
import { type CommunityViewer, type PostSummary, postPath, useCommunityViewer, usePosts } from '../../lib/community';
import { Byline } from './Byline';

/** What the reader can do here: write, join, or sign in first. */
export function CommunityAction({ viewer, next = '/community' }: { viewer: CommunityViewer; next?: string }) {
  if (viewer.kind === 'member')
    return (
      <Button component={Link} to="/community/new" leftSection={<IconPencilPlus size={18} aria-hidden />}>
        New post
      </Button>
    );
  if (viewer.kind === 'signed-in')
    return (
      <Button component={Link} to="/account/community">
        Join the community
      </Button>
    );
  if (viewer.kind === 'anonymous')
    return (
      <Button component={Link} to={`/sign-in?next=${encodeURIComponent(next)}`} variant="default">
        Sign in to post
      </Button>
    );
  return null;
}

const commentCount = (n: number) => (n === 1 ? '1 comment' : `${n} comments`);

function PostCard({ post }: { post: PostSummary }) {
  const titleId = `post-${post.id}-title`;
  return (
    <Card withBorder padding="lg" component="article" aria-labelledby={titleId} data-testid="community-post">
      <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap" mb={4}>
        <Title order={2} size="h4" id={titleId} style={{ overflowWrap: 'anywhere', minWidth: 0 }}>
          <Anchor component={Link} to={postPath(post.id)} c="inherit" inherit>
            {post.title}
          </Anchor>
        </Title>
        {post.mine && (
          <Badge variant="light" miw="max-content">
            Yours
          </Badge>
        )}
      </Group>
      <Byline item={post} />
      <Text size="sm" mt="sm" lineClamp={4} style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
        {post.excerpt}
      </Text>
      <Group gap={4} mt="sm" wrap="nowrap">
        <IconMessage size={16} aria-hidden color="var(--mantine-color-dimmed)" />
        <Text size="sm" c="dimmed">
          {commentCount(post.comments)}
        </Text>
      </Group>
    </Card>
  );
}

/** COMM-1: the members' posts, newest first, for anyone to read. */
export function CommunityPage() {
  const viewer = useCommunityViewer();
  const posts = usePosts();
  const all = posts.data?.pages.flatMap((page) => page.posts) ?? [];

  return (
    <Stack gap="lg">
      <div>
        <PageTitle>Community</PageTitle>
        <Text>
          Questions, tips and answers from the people who use our products. Anyone can read along; members write posts and comment. Members appear under their
          user name, and with their first and last name only if they choose; their email address is never shown.
        </Text>
      </div>
      <Group>
        <CommunityAction viewer={viewer} />
      </Group>
      {posts.isPending && <PageLoader label="Loading the posts" />}
      {posts.error && !posts.isFetchNextPageError && (
        <Alert color="red" variant="light" role="alert" title="The posts could not be loaded">
          {posts.error.message}
        </Alert>
      )}
      {posts.data && all.length === 0 && (
        <Text c="dimmed" data-testid="no-posts">
          Nobody has written a post yet.
        </Text>
      )}
      {all.length > 0 && (
        <Stack gap="md" data-testid="community-posts">
          {all.map((post) => (
            <PostCard key={post.id} post={post} />
          ))}
        </Stack>
      )}
      {posts.hasNextPage && (
        <Group justify="center">
          <Button variant="default" onClick={() => void posts.fetchNextPage()} loading={posts.isFetchingNextPage}>
            Load more
          </Button>
        </Group>
      )}
      {posts.isFetchNextPageError && (
        <Alert color="red" variant="light" role="alert">
          The next posts could not be loaded: {posts.error?.message}
        </Alert>
      )}
    </Stack>
  );
}
