import { Alert, Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { Section } from '../../../components/Section';
import { formatDateTime } from '../../../lib/format';
import { useCreateEnrollmentToken } from '../../../lib/workspaces';

/** WS-1: operators and up make a token that enrolls many machines; the server keeps only its hash, so it is shown once. */
export function EnrollmentTokenSection({ workspaceId }: { workspaceId: string }) {
  const create = useCreateEnrollmentToken(workspaceId);
  const token = create.data;
  return (
    <Section
      id="enrollment-token"
      title="Enroll devices"
      description="A token enrolls any number of machines into this workspace for 30 days. Install the product on a machine and give it the token as its enrollment code: the machine links itself to the workspace and starts reporting here."
    >
      <Stack gap="md">
        {create.error && (
          <Alert color="red" variant="light" role="alert" title="No token was made">
            {create.error.message}
          </Alert>
        )}
        {token && (
          <Stack gap={6}>
            <Group justify="space-between" gap="xs">
              <Text size="sm" fw={600}>
                Enrollment token
              </Text>
              <CopyButton value={token.token}>
                {({ copied, copy }) => (
                  <Button
                    size="compact-xs"
                    variant="default"
                    onClick={copy}
                    leftSection={copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />}
                    aria-label="Copy the enrollment token"
                  >
                    {copied ? 'Copied' : 'Copy'}
                  </Button>
                )}
              </CopyButton>
            </Group>
            <Code block style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="enrollment-token">
              {token.token}
            </Code>
            <Text size="sm" c="dimmed">
              Copy it now: it is shown only this once. It works until {formatDateTime(token.expiresAt)}.
            </Text>
          </Stack>
        )}
        <Group>
          <Button onClick={() => create.mutate()} loading={create.isPending} variant={token ? 'default' : 'filled'}>
            {token ? 'Create another token' : 'Create enrollment token'}
          </Button>
        </Group>
      </Stack>
    </Section>
  );
}
