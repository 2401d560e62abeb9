import { Alert, Button, CopyButton, Group, List, Paper, Stack, Text } from '@mantine/core';
import { IconCopy } from '@tabler/icons-react';
import { Section } from '../../../components/Section';
import { countdown, type Enrollment, useNow } from '../../../lib/devices';

function EnrollmentCode({ enrollment, onNewCode, onDone, busy }: { enrollment: Enrollment; onNewCode: () => void; onDone: () => void; busy: boolean }) {
  const now = useNow();
  const expired = new Date(enrollment.expiresAt).getTime() <= now;
  return (
    <Stack gap="md">
      <Paper withBorder p="md" bg={expired ? 'gray.0' : 'blue.0'}>
        <Stack gap={6} align="center">
          <Text size="sm" fw={600} id="enrollment-code-label">
            Your linking code
          </Text>
          <Text
            component="output"
            aria-labelledby="enrollment-code-label"
            data-testid="enrollment-code"
            ff="monospace"
            fw={700}
            fz={{ base: 34, sm: 44 }}
            lh={1.1}
            c={expired ? 'dimmed' : undefined}
            td={expired ? 'line-through' : undefined}
            style={{ letterSpacing: '0.08em', whiteSpace: 'nowrap' }}
          >
            {enrollment.code}
          </Text>
          {expired ? (
            <Text size="sm" c="red.8" fw={600}>
              This code has expired.
            </Text>
          ) : (
            <Text size="sm" role="timer" aria-label="Time left to use the code">
              Expires in <strong>{countdown(enrollment.expiresAt, now)}</strong>
            </Text>
          )}
          {!expired && (
            <CopyButton value={enrollment.code}>
              {({ copied, copy }) => (
                <Button variant="default" size="xs" leftSection={<IconCopy size={14} aria-hidden />} onClick={copy}>
                  {copied ? 'Copied' : 'Copy the code'}
                </Button>
              )}
            </CopyButton>
          )}
        </Stack>
      </Paper>
      <List type="ordered" size="sm" spacing={4}>
        <List.Item>On the device, install and open Steward Security.</List.Item>
        <List.Item>Choose “Link to my account”.</List.Item>
        <List.Item>Type in the code above. It works once, for 15 minutes.</List.Item>
      </List>
      <Text size="sm" c="dimmed">
        The device shows up below once it is linked. Waiting for it…
      </Text>
      <Group>
        {expired && (
          <Button onClick={onNewCode} loading={busy}>
            Get a new code
          </Button>
        )}
        <Button variant="default" onClick={onDone}>
          {expired ? 'Close' : 'Done'}
        </Button>
      </Group>
    </Stack>
  );
}

/** DEV-1: a device is linked only when its owner asks for a code here and types it in on the device. */
export function LinkDeviceSection({
  enrollment,
  error,
  busy,
  onStart,
  onDone,
}: {
  enrollment: Enrollment | null;
  error: string | null;
  busy: boolean;
  onStart: () => void;
  onDone: () => void;
}) {
  return (
    <Section
      id="link-device"
      title="Link a device"
      description="Linking lets you see the device's protection, fix its problems, use your licenses on it and lock it if it is lost. The link is used for nothing else."
    >
      {error && (
        <Alert color="red" variant="light" role="alert" mb="md">
          {error}
        </Alert>
      )}
      {enrollment ? (
        <EnrollmentCode enrollment={enrollment} onNewCode={onStart} onDone={onDone} busy={busy} />
      ) : (
        <Group>
          <Button onClick={onStart} loading={busy}>
            Link a device
          </Button>
        </Group>
      )}
    </Section>
  );
}
