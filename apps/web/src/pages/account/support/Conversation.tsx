import { Badge, Box, Group, Paper, Stack, Text } from '@mantine/core';
import { formatDateTime } from '../../../lib/format';
import type { RequestView, SupportMessage } from '../../../lib/support';

type Viewer = 'customer' | 'staff';

function authorName(message: SupportMessage, viewer: Viewer): string {
  if (message.authorKind === 'customer') return viewer === 'customer' ? 'You' : 'Customer';
  return viewer === 'customer' ? 'Support' : 'Staff';
}

function Bubble({ message, viewer }: { message: SupportMessage; viewer: Viewer }) {
  // The viewer's own side reads on the right, as in a chat.
  const mine = (message.authorKind === 'customer') === (viewer === 'customer');
  const internal = Boolean(message.internal);
  const color = internal ? 'yellow' : message.authorKind === 'customer' ? 'blue' : 'gray';
  return (
    <Box
      component="li"
      style={{ listStyle: 'none', display: 'flex', justifyContent: mine ? 'flex-end' : 'flex-start' }}
      data-testid={internal ? 'internal-note' : `message-${message.authorKind}`}
    >
      <Paper
        p="sm"
        radius="md"
        maw="88%"
        bg={`var(--mantine-color-${color}-light)`}
        style={internal ? { border: '1px dashed var(--mantine-color-yellow-7)' } : undefined}
      >
        <Group gap={6} mb={4} wrap="wrap">
          <Text size="xs" fw={700}>
            {authorName(message, viewer)}
          </Text>
          {internal && (
            <Badge size="xs" color="yellow" variant="filled">
              Internal note
            </Badge>
          )}
          <Text size="xs" c="dimmed" component="time" dateTime={message.createdAt}>
            {formatDateTime(message.createdAt)}
          </Text>
        </Group>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {message.body}
        </Text>
      </Paper>
    </Box>
  );
}

/** The request's description opens the conversation, followed by every message in order. */
export function Conversation({ request, viewer }: { request: RequestView; viewer: Viewer }) {
  const opening: SupportMessage = { id: 'description', authorKind: 'customer', body: request.description, createdAt: request.createdAt };
  return (
    <Stack component="ol" gap="sm" p={0} m={0} aria-label="Conversation" data-testid="conversation">
      <Bubble message={opening} viewer={viewer} />
      {request.messages.map((m) => (
        <Bubble key={m.id} message={m} viewer={viewer} />
      ))}
    </Stack>
  );
}
