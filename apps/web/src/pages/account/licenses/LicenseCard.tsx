import { Anchor, Badge, Button, Card, Divider, Group, SimpleGrid, Stack, Switch, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link } from 'react-router';
import { Fact } from '../../../components/Fact';
import type { Device } from '../../../lib/devices';
import { KIND_LABELS, type License, maskedCode, STATUS_COLORS, STATUS_LABELS, seatsLabel, termLabel, useSetAutoRenew } from '../../../lib/licenses';
import { startCheckout } from '../../../lib/purchases';
import { formatDate } from '../../../lib/rights';
import { LicenseDevices } from './LicenseDevices';

/** The end of the term, with its start underneath. */
function Validity({ license }: { license: License }) {
  return (
    <>
      {license.expiresAt ? formatDate(license.expiresAt) : 'No end date'}
      {license.startsAt && (
        <Text size="xs" c="dimmed">
          from {formatDate(license.startsAt)}
        </Text>
      )}
    </>
  );
}

/** "another year", "another 30 days". */
const anotherTerm = (termDays: number | null) => (termDays === 365 ? 'year' : (termLabel(termDays) ?? 'term'));

/** LIC-2: automatic renewal is its own opt-in, apart from reminders; renewing now is an order the user places. */
function Renewal({ license }: { license: License }) {
  const setAutoRenew = useSetAutoRenew();
  const [shown, setShown] = useState<boolean | null>(null);
  const [leaving, setLeaving] = useState(false);

  function toggle(value: boolean) {
    setShown(value);
    setAutoRenew.mutate(
      { licenseId: license.id, autoRenew: value },
      {
        onSuccess: (saved) => {
          setShown(saved.autoRenew);
          notifications.show({ color: 'green', message: saved.autoRenew ? 'Automatic renewal is on.' : 'Automatic renewal is off.' });
        },
        onError: (err) => {
          setShown(!value);
          notifications.show({ color: 'red', title: 'Not saved', message: err.message });
        },
      },
    );
  }

  async function renew() {
    setLeaving(true);
    try {
      await startCheckout({ licenseTypeId: license.type.id, renewsLicenseId: license.id });
    } catch (err) {
      setLeaving(false);
      notifications.show({ color: 'red', title: 'The renewal could not start', message: (err as Error).message });
    }
  }

  return (
    <Stack gap="sm">
      <Switch
        label="Renew automatically"
        description="When the term ends, we order the same license again with your linked card and extend it. This is separate from expiry reminders and off unless you turn it on."
        checked={shown ?? license.autoRenew}
        onChange={(e) => toggle(e.currentTarget.checked)}
        disabled={setAutoRenew.isPending || license.status === 'revoked'}
      />
      {license.status !== 'revoked' && (
        <Group>
          <Button
            variant="light"
            onClick={() => void renew()}
            loading={leaving}
            aria-label={`Renew now: ${license.product.name} ${maskedCode(license.codeLastGroup)}`}
          >
            Renew now
          </Button>
          <Text size="xs" c="dimmed" style={{ flex: '1 1 200px' }}>
            Pay at our store for another {anotherTerm(license.type.termDays)}; it starts when the current term ends.
          </Text>
        </Group>
      )}
    </Stack>
  );
}

export function LicenseCard({ license, devices }: { license: License; devices: Device[] }) {
  const titleId = `license-${license.id}-title`;
  const term = termLabel(license.type.termDays);
  return (
    <Card withBorder padding="lg" component="article" aria-labelledby={titleId} data-testid="license">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" gap="xs">
          <div style={{ minWidth: 0 }}>
            <Title order={2} size="h4" id={titleId}>
              {license.product.name}
            </Title>
            <Text size="sm" c="dimmed">
              {license.type.name}
            </Text>
          </div>
          <Badge variant="light" color={STATUS_COLORS[license.status]} miw="max-content">
            {STATUS_LABELS[license.status]}
          </Badge>
        </Group>
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md" verticalSpacing="sm">
          <Fact label="Code">
            <Text span size="sm" ff="monospace" style={{ whiteSpace: 'nowrap' }} data-testid="license-code">
              {maskedCode(license.codeLastGroup)}
            </Text>
          </Fact>
          <Fact label="Kind">{term ? `${KIND_LABELS[license.type.kind]}, ${term}` : KIND_LABELS[license.type.kind]}</Fact>
          <Fact label={license.status === 'expired' ? 'Ended' : 'Valid until'}>
            <Validity license={license} />
          </Fact>
          <Fact label="Seats">
            <span data-testid="license-seats">
              {license.seatsUsed} of {seatsLabel(license.type.seats)}
            </span>
          </Fact>
        </SimpleGrid>
        <Divider />
        <LicenseDevices license={license} devices={devices} />
        {license.type.kind === 'subscription' && (
          <>
            <Divider />
            <Renewal license={license} />
          </>
        )}
        {license.type.kind === 'trial' && (
          <Text size="sm">
            Want to keep using it?{' '}
            <Anchor component={Link} to="/account/purchases">
              Buy a license
            </Anchor>
            .
          </Text>
        )}
      </Stack>
    </Card>
  );
}
