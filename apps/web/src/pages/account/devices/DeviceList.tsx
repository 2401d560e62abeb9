import { Anchor, Badge, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { LabelledTd } from '../../../components/StackTable';
import { type Device, formatRelative, PROTECTION_COLORS, PROTECTION_LABELS, useNow } from '../../../lib/devices';
import { formatDateTime } from '../../../lib/format';

const NOWRAP = { whiteSpace: 'nowrap' } as const;

export function ProtectionBadge({ status }: { status: Device['protectionStatus'] }) {
  return (
    <Badge variant="light" color={PROTECTION_COLORS[status]} miw="max-content" data-testid="protection-status">
      {PROTECTION_LABELS[status]}
    </Badge>
  );
}

/** DEV-2: each device with its protection status and how many problems are open. */
export function DeviceList({ devices }: { devices: Device[] }) {
  const now = useNow(30_000);
  return (
    <Table.ScrollContainer minWidth={0}>
      <Table className="stack-table" striped aria-label="Your devices" data-testid="devices">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Device</Table.Th>
            <Table.Th>Protection</Table.Th>
            <Table.Th>Version</Table.Th>
            <Table.Th style={NOWRAP}>Last check-in</Table.Th>
            <Table.Th className="num">Problems</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {devices.map((device) => (
            <Table.Tr key={device.id} data-testid="device-row">
              <LabelledTd label="Device" className="stack-head">
                <Anchor component={Link} to={`/account/devices/${device.id}`} fw={600} className="mono-break">
                  {device.name}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {device.platform}
                </Text>
              </LabelledTd>
              <LabelledTd label="Protection">
                <ProtectionBadge status={device.protectionStatus} />
              </LabelledTd>
              <LabelledTd label="Version" style={NOWRAP}>
                {device.productVersion ?? '—'}
              </LabelledTd>
              <LabelledTd label="Last check-in" style={NOWRAP}>
                <span title={device.lastCheckinAt ? formatDateTime(device.lastCheckinAt) : undefined}>{formatRelative(device.lastCheckinAt, now)}</span>
              </LabelledTd>
              <LabelledTd label="Problems" className="num">
                {device.problems.length === 0 ? (
                  <Text span size="sm" c="dimmed">
                    None
                  </Text>
                ) : (
                  <Text span size="sm" c="red.8" fw={700} data-testid="problem-count">
                    {device.problems.length} open
                  </Text>
                )}
              </LabelledTd>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
