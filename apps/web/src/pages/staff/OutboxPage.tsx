import { Alert, Anchor, Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { IconMail, IconMessage, IconRefresh } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Fragment, type ReactNode } from 'react';
import { PageTitle } from '../../components/PageTitle';
import { PageLoader } from '../../components/RequireAuth';
import { api, type OutboxMessage } from '../../lib/api';
import { formatDateTime } from '../../lib/format';

const URL_RE = /https?:\/\/[^\s<>"']+/g;

/** Renders text with every http(s) URL in it as a link; trailing punctuation stays text. */
export function Linkified({ text }: { text: string }) {
  const out: ReactNode[] = [];
  let last = 0;
  for (const m of text.matchAll(URL_RE)) {
    let url = m[0];
    const trail = /[.,;:!?)\]]+$/.exec(url);
    if (trail) url = url.slice(0, -trail[0].length);
    const start = m.index ?? 0;
    out.push(<Fragment key={`t${start}`}>{text.slice(last, start)}</Fragment>);
    out.push(
      <Anchor key={`a${start}`} href={url} rel="noreferrer noopener">
        {url}
      </Anchor>,
    );
    last = start + url.length;
  }
  out.push(<Fragment key="end">{text.slice(last)}</Fragment>);
  return <>{out}</>;
}

export function OutboxPage() {
  const { data, error, isPending, refetch, isFetching } = useQuery({
    queryKey: ['staff', 'outbox'],
    queryFn: () => api.get<{ messages: OutboxMessage[] }>('/api/staff/outbox?limit=50'),
    refetchInterval: 15_000,
  });

  return (
    <Stack gap="lg">
      <PageTitle>Outbox</PageTitle>
      <Group justify="space-between" align="flex-start">
        <Text c="dimmed" size="sm" maw={520}>
          Emails and text messages that Steward would have sent, when no mail server or SMS provider is configured. Newest first.
        </Text>
        <Button variant="default" size="xs" leftSection={<IconRefresh size={14} aria-hidden />} onClick={() => void refetch()} loading={isFetching}>
          Refresh
        </Button>
      </Group>
      {isPending && <PageLoader label="Loading the outbox" />}
      {error && (
        <Alert color="red" variant="light" role="alert" title="The outbox could not be loaded">
          {error.message}
        </Alert>
      )}
      {data && data.messages.length === 0 && <Text>The outbox is empty.</Text>}
      {data && data.messages.length > 0 && (
        <Stack gap="md" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Messages">
          {data.messages.map((m) => (
            <Card key={m.id} withBorder padding="md" component="li" data-testid="outbox-message">
              <article aria-labelledby={`msg-${m.id}-subject`}>
                <Group justify="space-between" gap="xs" mb={4} wrap="wrap">
                  <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
                    <Badge
                      style={{ flexShrink: 0 }}
                      variant="light"
                      color={m.channel === 'sms' ? 'grape' : 'blue'}
                      leftSection={m.channel === 'sms' ? <IconMessage size={12} aria-hidden /> : <IconMail size={12} aria-hidden />}
                    >
                      {m.channel === 'sms' ? 'SMS' : 'Email'}
                    </Badge>
                    <Text size="sm" className="mono-break" style={{ fontFamily: 'inherit' }} data-testid="outbox-recipient">
                      {m.recipient}
                    </Text>
                  </Group>
                  <Text size="xs" c="dimmed">
                    <time dateTime={m.createdAt}>{formatDateTime(m.createdAt)}</time>
                  </Text>
                </Group>
                <Text fw={600} id={`msg-${m.id}-subject`} mb="xs">
                  {m.subject || (m.channel === 'sms' ? 'Text message' : '(no subject)')}
                </Text>
                <pre className="outbox-text">
                  <Linkified text={m.text} />
                </pre>
              </article>
            </Card>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
