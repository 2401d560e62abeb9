import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { PageLoader } from '../../components/RequireAuth';
import { Section } from '../../components/Section';
import { postPath, useCommunityViewer, useCreatePost } from '../../lib/community';
import { PostForm } from './PostForm';

/** A member writes a post, which everyone can read (COMM-1). */
export function NewPostPage() {
  const viewer = useCommunityViewer();
  const create = useCreatePost();
  const navigate = useNavigate();

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/community" size="sm" w="fit-content">
        <Group gap={4} wrap="nowrap">
          <IconArrowLeft size={14} aria-hidden /> All posts
        </Group>
      </Anchor>
      <PageTitle>New post</PageTitle>
      {viewer.kind === 'pending' && <PageLoader label="Checking your community account" />}
      {viewer.kind === 'signed-in' && (
        <Alert color="blue" variant="light" title="Join the community first">
          <Stack gap="sm" align="flex-start">
            <Text size="sm">Posts appear under a user name you choose. Join the community to pick yours.</Text>
            <Button component={Link} to="/account/community" size="compact-md">
              Join the community
            </Button>
          </Stack>
        </Alert>
      )}
      {viewer.kind === 'member' && (
        <Section
          id="new-post"
          title="Your post"
          description={`Everyone can read it, also without an account. It appears under your user name, ${viewer.member.userName}${viewer.member.showFullName ? ', with your first and last name' : ''}.`}
        >
          <PostForm
            label="New post"
            submitLabel="Publish post"
            busy={create.isPending}
            onSubmit={async (input) => {
              const created = await create.mutateAsync(input);
              navigate(postPath(created.id), { replace: true });
            }}
            onCancel={() => navigate('/community')}
          />
        </Section>
      )}
    </Stack>
  );
}
