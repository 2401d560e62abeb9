import { Alert, Badge, Table, Text } from '@mantine/core';
import { PageLoader } from '../../../components/RequireAuth';
import { Section } from '../../../components/Section';
import { LabelledTd } from '../../../components/StackTable';
import { PROTECTION_COLORS, PROTECTION_LABELS } from '../../../lib/devices';
import { formatDateTime } from '../../../lib/format';
import { useWorkspaceDevices } from '../../../lib/workspaces';

/** WS-1: the machines enrolled with the workspace's tokens and how they last reported. */
export function WorkspaceDevicesSection({ workspaceId }: { workspaceId: string }) {
  const devices = useWorkspaceDevices(workspaceId);
  return (
    <Section id="workspace-devices" title="Devices" description="The machines enrolled into this workspace and their protection as they last reported it.">
      {devices.isPending && <PageLoader label="Loading the devices" />}
      {devices.error && (
        <Alert color="red" variant="light" role="alert" title="The devices could not be loaded">
          {devices.error.message}
        </Alert>
      )}
      {devices.data?.length === 0 && (
        <Text size="sm" c="dimmed">
          No device is enrolled yet. Create an enrollment token below and roll it out to the machines.
        </Text>
      )}
      {devices.data && devices.data.length > 0 && (
        <Table className="stack-table" striped aria-label="Devices of the workspace" data-testid="workspace-devices">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Platform</Table.Th>
              <Table.Th>Protection</Table.Th>
              <Table.Th>Last check-in</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {devices.data.map((d) => (
              <Table.Tr key={d.id}>
                <LabelledTd label="Name">
                  <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                    {d.name}
                  </Text>
                  {d.productVersion && (
                    <Text size="xs" c="dimmed">
                      Version {d.productVersion}
                    </Text>
                  )}
                </LabelledTd>
                <LabelledTd label="Platform">
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {d.platform}
                  </Text>
                </LabelledTd>
                <LabelledTd label="Protection" style={{ whiteSpace: 'nowrap' }}>
                  <Badge variant="light" color={PROTECTION_COLORS[d.protectionStatus]} styles={{ label: { overflow: 'visible' } }}>
                    {PROTECTION_LABELS[d.protectionStatus]}
                  </Badge>
                </LabelledTd>
                <LabelledTd label="Last check-in" style={{ whiteSpace: 'nowrap' }}>
                  {d.lastCheckinAt ? formatDateTime(d.lastCheckinAt) : 'Never'}
                </LabelledTd>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Section>
  );
}
