import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCircleCheck } from '@tabler/icons-react';
import { Section } from '../../../components/Section';
import { type DeviceDetail, type DeviceProblem, fixTarget, isOutstanding, problemLabel, useSendCommand } from '../../../lib/devices';
import { formatDateTime } from '../../../lib/format';

/** DEV-2: the device's open problems; those the product can repair are fixed from here. */
export function ProblemsSection({ device }: { device: DeviceDetail }) {
  const send = useSendCommand(device.id);
  const fixing = new Set(device.commands.filter(isOutstanding).map(fixTarget));

  function fix(problem: DeviceProblem) {
    send.mutate(
      { input: { kind: 'fix', problemId: problem.id } },
      {
        onSuccess: () => notifications.show({ message: `The fix is sent. ${device.name} applies it when it next checks in.` }),
        onError: (err) => notifications.show({ color: 'red', title: 'The fix could not be sent', message: err.message }),
      },
    );
  }

  return (
    <Section id="problems" title="Problems" description="What the device reported at its last check-in.">
      {device.problems.length === 0 ? (
        <Group gap="xs" wrap="nowrap" data-testid="no-problems">
          <IconCircleCheck size={20} color="var(--mantine-color-green-7)" aria-hidden />
          <Text size="sm">No open problems.</Text>
        </Group>
      ) : (
        <Stack gap="sm" component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-label="Open problems" data-testid="problems">
          {device.problems.map((problem) => (
            <Group key={problem.id} component="li" justify="space-between" gap="sm" data-testid="problem">
              <div style={{ minWidth: 0, flex: '1 1 220px' }}>
                <Text size="sm" fw={600}>
                  {problemLabel(problem.code)}
                </Text>
                {problem.detail && (
                  <Text size="sm" className="mono-break">
                    {problem.detail}
                  </Text>
                )}
                <Text size="xs" c="dimmed">
                  Since {formatDateTime(problem.openedAt)}
                </Text>
              </div>
              {!problem.fixable ? (
                <Text size="xs" c="dimmed">
                  Fix this on the device itself.
                </Text>
              ) : fixing.has(problem.id) ? (
                <Badge variant="light" color="blue" miw="max-content">
                  Fix sent, waiting for the device
                </Badge>
              ) : (
                <Button
                  size="compact-sm"
                  variant="light"
                  onClick={() => fix(problem)}
                  loading={send.isPending && send.variables?.input.problemId === problem.id}
                  aria-label={`Fix remotely: ${problemLabel(problem.code)}`}
                >
                  Fix remotely
                </Button>
              )}
            </Group>
          ))}
        </Stack>
      )}
    </Section>
  );
}
