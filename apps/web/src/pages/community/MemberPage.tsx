import { Alert, Anchor, Box, Card, Group, SimpleGrid, Stack } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { Fact } from '../../components/Fact';
import { PageTitle } from '../../components/PageTitle';
import { PageLoader } from '../../components/RequireAuth';
import { usePublicMember } from '../../lib/community';
import { formatDateTime } from '../../lib/format';
import { ApiError } from '../../lib/problem';

/** What everyone sees of a member: the user name, the full name if they show it, when they joined and how much they wrote. */
export function MemberPage() {
  const { userName = '' } = useParams();
  const member = usePublicMember(userName);
  const back = (
    <Anchor component={Link} to="/community" size="sm" w="fit-content">
      <Group gap={4} wrap="nowrap">
        <IconArrowLeft size={14} aria-hidden /> All posts
      </Group>
    </Anchor>
  );

  if (member.isPending) return <PageLoader label="Loading the member" />;
  if (member.error) {
    const missing = member.error instanceof ApiError && member.error.status === 404;
    return (
      <Stack gap="md" align="flex-start">
        {back}
        <PageTitle>{missing ? 'Member not found' : 'Member'}</PageTitle>
        <Alert color={missing ? 'gray' : 'red'} variant="light" role="alert">
          {missing ? 'No community member has this user name. They may have left the community.' : member.error.message}
        </Alert>
      </Stack>
    );
  }

  const m = member.data;
  return (
    <Stack gap="lg">
      {back}
      <Box style={{ overflowWrap: 'anywhere' }}>
        <PageTitle>{m.author.userName}</PageTitle>
      </Box>
      <Card withBorder padding="lg" component="section" aria-label="About this member" data-testid="community-member">
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="md">
          <Fact label="Name">{m.author.fullName ?? 'Not shown'}</Fact>
          <Fact label="Member since">{formatDateTime(m.joinedAt)}</Fact>
          <Fact label="Posts">{m.posts}</Fact>
        </SimpleGrid>
      </Card>
    </Stack>
  );
}
