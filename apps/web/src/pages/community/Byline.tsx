import { Anchor, Group, Text } from '@mantine/core';
import { Link } from 'react-router';
import { type CommunityAuthor, memberPath, wasEdited } from '../../lib/community';
import { formatDateTime } from '../../lib/format';

/** A member as everyone sees them: the user name, linked to their profile, and the full name only if they chose to show it. */
export function AuthorName({ author, size = 'sm' }: { author: CommunityAuthor; size?: 'xs' | 'sm' }) {
  return (
    <Text component="span" size={size} style={{ overflowWrap: 'anywhere' }}>
      <Anchor component={Link} to={memberPath(author.userName)} size={size} fw={600} data-testid="author-user-name">
        {author.userName}
      </Anchor>
      {author.fullName && (
        <Text component="span" size={size} c="dimmed" data-testid="author-full-name">
          {' '}
          ({author.fullName})
        </Text>
      )}
    </Text>
  );
}

/** Who wrote something and when; "edited" when it was changed afterwards. */
export function Byline({
  item,
  size = 'sm',
  children,
}: {
  item: { author: CommunityAuthor; createdAt: string; updatedAt: string };
  size?: 'xs' | 'sm';
  children?: React.ReactNode;
}) {
  return (
    <Group gap={6} wrap="wrap" align="baseline">
      <AuthorName author={item.author} size={size} />
      <Text size={size} c="dimmed" component="time" dateTime={item.createdAt}>
        {formatDateTime(item.createdAt)}
      </Text>
      {wasEdited(item) && (
        <Text size={size} c="dimmed" title={`Edited ${formatDateTime(item.updatedAt)}`}>
          (edited)
        </Text>
      )}
      {children}
    </Group>
  );
}
