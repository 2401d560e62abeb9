import { Alert, Anchor, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useFreshSignIn } from '../../../components/FreshSignIn';
import { PageTitle } from '../../../components/PageTitle';
import { PageLoader } from '../../../components/RequireAuth';
import { useMembership } from '../../../lib/community';
import { formatDateTime } from '../../../lib/format';
import { CommunityProfileSection } from './CommunityProfileSection';
import { LeaveCommunitySection } from './LeaveCommunitySection';

/** COMM-1 and COMM-4: the caller's community account: joining, the profile, and its deletion. */
export function CommunityAccountPage() {
  const membership = useMembership();
  const fresh = useFreshSignIn();
  const member = membership.data === 'leaving' ? undefined : membership.data;
  // Set once the account is deleted on this page: joining again waits until the purge is done.
  const [purgeBy, setPurgeBy] = useState<string | null>(null);

  return (
    <Stack gap="lg">
      <PageTitle>Community profile</PageTitle>
      <Text>
        In the{' '}
        <Anchor component={Link} to="/community">
          community
        </Anchor>{' '}
        members ask and answer questions about our products. Everyone can read what members write, also without an account.
      </Text>
      {membership.isPending && <PageLoader label="Loading your community account" />}
      {membership.error && (
        <Alert color="red" variant="light" role="alert" title="Your community account could not be loaded">
          {membership.error.message}
        </Alert>
      )}
      {purgeBy && (
        <Alert color="green" variant="light" title="Your community account is deleted" data-testid="community-left">
          Your profile, posts and comments are hidden from everyone now and purged by {formatDateTime(purgeBy)}. You can join again after that.
        </Alert>
      )}
      {membership.data === 'leaving' && !purgeBy && (
        <Alert color="yellow" variant="light" title="Your community account is being deleted" data-testid="community-leaving">
          Your profile, posts and comments are hidden from everyone and are purged within 24 hours of the deletion. You can join again after that.
        </Alert>
      )}
      {member !== undefined && !purgeBy && (
        // A new form for each account state, so it starts from what the server holds.
        <CommunityProfileSection key={member ? 'member' : 'visitor'} member={member} />
      )}
      {member && <LeaveCommunitySection run={fresh.run} onLeft={setPurgeBy} />}
      {fresh.modal}
    </Stack>
  );
}
