import { Alert, Anchor, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { Fact } from '../../../components/Fact';
import { useFreshSignIn } from '../../../components/FreshSignIn';
import { PageTitle } from '../../../components/PageTitle';
import { PageLoader } from '../../../components/RequireAuth';
import { type DeviceDetail, formatRelative, useDevice, useNow } from '../../../lib/devices';
import { formatDateTime } from '../../../lib/format';
import { ApiError } from '../../../lib/problem';
import { AntiTheftSection } from './AntiTheftSection';
import { CommandLogSection } from './CommandLogSection';
import { ProtectionBadge } from './DeviceList';
import { DeviceSettingsSection } from './DeviceSettingsSection';
import { ProblemsSection } from './ProblemsSection';

function Summary({ device }: { device: DeviceDetail }) {
  const now = useNow(30_000);
  return (
    <Card withBorder padding="lg" component="section" aria-label="Summary">
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md" verticalSpacing="sm">
        <Fact label="Protection">
          <ProtectionBadge status={device.protectionStatus} />
        </Fact>
        <Fact label="Last check-in">
          <span title={device.lastCheckinAt ? formatDateTime(device.lastCheckinAt) : undefined} data-testid="last-checkin">
            {formatRelative(device.lastCheckinAt, now)}
          </span>
        </Fact>
        <Fact label="System">{device.platform}</Fact>
        <Fact label="Steward version">{device.productVersion ?? '—'}</Fact>
      </SimpleGrid>
      <Text size="xs" c="dimmed" mt="md">
        Linked {formatDateTime(device.enrolledAt)}
      </Text>
    </Card>
  );
}

function BackLink() {
  return (
    <Anchor component={Link} to="/account/devices" size="sm" w="fit-content">
      <Group gap={4} wrap="nowrap">
        <IconArrowLeft size={16} aria-hidden />
        All devices
      </Group>
    </Anchor>
  );
}

export function DevicePage() {
  const { id = '' } = useParams();
  const { data: device, error, isPending } = useDevice(id);
  const fresh = useFreshSignIn();
  const problemCodes = new Map(device?.problems.map((p) => [p.id, p.code]));

  if (isPending) return <PageLoader label="Loading the device" />;
  if (error || !device) {
    const missing = error instanceof ApiError && error.status === 404;
    return (
      <Stack gap="lg">
        <BackLink />
        <PageTitle>{missing ? 'Device not found' : 'Device'}</PageTitle>
        <Alert color={missing ? 'gray' : 'red'} variant="light" role="alert">
          {missing ? 'This device is not linked to your account. It may have been unlinked.' : error?.message}
        </Alert>
      </Stack>
    );
  }

  return (
    <Stack gap="lg">
      <BackLink />
      <PageTitle>{device.name}</PageTitle>
      <Summary device={device} />
      <ProblemsSection device={device} />
      <AntiTheftSection device={device} run={fresh.run} />
      <CommandLogSection commands={device.commands} problemCodes={problemCodes} />
      <DeviceSettingsSection device={device} />
      {fresh.modal}
    </Stack>
  );
}
