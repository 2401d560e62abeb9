import { Badge, Table, Text } from '@mantine/core';
import { Section } from '../../../components/Section';
import { LabelledTd } from '../../../components/StackTable';
import {
  COMMAND_LABELS,
  COMMAND_STATUS_COLORS,
  COMMAND_STATUS_LABELS,
  type DeviceCommand,
  formatLogTime,
  problemLabel,
  resultText,
} from '../../../lib/devices';
import { formatDateTime } from '../../../lib/format';

const NOWRAP = { whiteSpace: 'nowrap' } as const;

/** When the command was asked for, taken by the device, and answered: one line each, as far as it got. */
function Times({ command }: { command: DeviceCommand }) {
  const steps: [string, string | null][] = [
    ['Requested', command.requestedAt],
    ['Delivered', command.deliveredAt],
    [command.status === 'failed' ? 'Answered' : 'Confirmed', command.acknowledgedAt],
  ];
  return (
    <>
      {steps
        .filter(([, at]) => at)
        .map(([label, at]) => (
          <Text key={label} size="sm" title={formatDateTime(at)}>
            <Text span size="xs" c="dimmed" w={72} display="inline-block">
              {label}
            </Text>
            <span style={NOWRAP}>{formatLogTime(at)}</span>
          </Text>
        ))}
    </>
  );
}

function kindText(command: DeviceCommand, problemCodes: Map<string, string>): string {
  const payload = (command.payload ?? {}) as { problemId?: unknown; code?: unknown };
  if (command.kind !== 'fix') return COMMAND_LABELS[command.kind];
  const code = typeof payload.code === 'string' ? payload.code : problemCodes.get(String(payload.problemId));
  return code ? `Fix: ${problemLabel(code)}` : COMMAND_LABELS.fix;
}

/** DEV-3: every command sent to the device, and when the device took and confirmed it. */
export function CommandLogSection({ commands, problemCodes }: { commands: DeviceCommand[]; problemCodes: Map<string, string> }) {
  return (
    <Section id="commands" title="Command log" description="Every action sent to this device, newest first. A command is done when the device confirms it.">
      {commands.length === 0 ? (
        <Text size="sm">No commands yet.</Text>
      ) : (
        <Table.ScrollContainer minWidth={0}>
          <Table className="stack-table" striped aria-labelledby="commands-title" data-testid="command-log">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Action</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th miw={230}>Times</Table.Th>
                <Table.Th>Result</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {commands.map((command) => (
                <Table.Tr key={command.id} data-testid="command" data-kind={command.kind} data-status={command.status}>
                  <LabelledTd label="Action" className="stack-head">
                    <Text size="sm" fw={600}>
                      {kindText(command, problemCodes)}
                    </Text>
                  </LabelledTd>
                  <LabelledTd label="Status">
                    <Badge variant="light" color={COMMAND_STATUS_COLORS[command.status]} miw="max-content">
                      {COMMAND_STATUS_LABELS[command.status]}
                    </Badge>
                  </LabelledTd>
                  <LabelledTd label="Times">
                    <Times command={command} />
                  </LabelledTd>
                  <LabelledTd label="Result">
                    <Text size="sm" className="mono-break">
                      {resultText(command.result)}
                    </Text>
                  </LabelledTd>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Section>
  );
}
