import { Alert, Anchor, Badge, Button, Card, Divider, Group, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconFolders, IconMailbox } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { Fact } from '../../../components/Fact';
import { maskedCode, STATUS_COLORS, STATUS_LABELS } from '../../../lib/licenses';
import {
  type ConnectionKind,
  licenseUsable,
  type MailProvider,
  type ProtectedLicense,
  refusalMessage,
  seatsFree,
  seatWord,
  useStartConnection,
} from '../../../lib/mail-protection';
import { formatDate } from '../../../lib/rights';
import { AutomaticSetup } from './AutomaticSetup';
import { ConnectionCard } from './ConnectionCard';

const CONNECT_LABELS: Record<ConnectionKind, string> = { mailbox: 'Connect a mailbox', 'file-store': 'Connect a file store' };
const CONNECT_ICONS: Record<ConnectionKind, React.ReactNode> = {
  mailbox: <IconMailbox size={16} aria-hidden />,
  'file-store': <IconFolders size={16} aria-hidden />,
};

/** Why nothing more can be connected with this license, or null while it can. */
function blocked(entry: ProtectedLicense): string | null {
  const { license } = entry;
  if (license.status === 'revoked') return 'This license was revoked, so it cannot protect anything new.';
  if (!licenseUsable(license)) return 'This license has ended: nothing new can be connected and its mailboxes are no longer scanned. Renew it to go on.';
  if (seatsFree(entry) === 0)
    return license.seats === 1
      ? 'Its one seat protects a mailbox or file store already. Disconnect it to connect another.'
      : `All ${license.seats} seats protect a mailbox or file store already. Disconnect one to connect another.`;
  return null;
}

/** MAIL-1: connecting a mailbox or file store through the provider's consent page, for one license. */
function ConnectPanel({ entry, providers }: { entry: ProtectedLicense; providers: MailProvider[] }) {
  const [providerId, setProviderId] = useState<string | null>(providers[0]?.id ?? null);
  const [leaving, setLeaving] = useState<ConnectionKind | null>(null);
  const [error, setError] = useState<string | null>(null);
  const start = useStartConnection();
  const provider = providers.find((p) => p.id === providerId);
  const why = blocked(entry);
  const label = `${entry.license.productName} ${maskedCode(entry.license.codeLastGroup)}`;

  async function connect(kind: ConnectionKind) {
    if (!provider) return;
    setError(null);
    setLeaving(kind);
    try {
      // Leaves for the provider's consent page; the page stays busy until the browser has gone.
      await start.mutateAsync({ licenseId: entry.license.id, kind, provider: provider.id });
    } catch (err) {
      setLeaving(null);
      setError(refusalMessage(err));
    }
  }

  if (providers.length === 0)
    return (
      <Text size="sm" c="dimmed">
        This installation of Steward offers no mail or storage provider yet.
      </Text>
    );

  return (
    <Stack gap="sm">
      {providers.length > 1 && (
        <Select
          label="Provider"
          description="Where the mailbox or file store is kept."
          data={providers.map((p) => ({ value: p.id, label: p.name }))}
          value={providerId}
          onChange={setProviderId}
          allowDeselect={false}
          maw={320}
          comboboxProps={{ withinPortal: true }}
        />
      )}
      <Group gap="sm">
        {entry.kinds.map((kind) => (
          <Button
            key={kind}
            variant={kind === 'mailbox' ? 'filled' : 'light'}
            leftSection={CONNECT_ICONS[kind]}
            disabled={why !== null || !provider?.kinds.includes(kind) || (leaving !== null && leaving !== kind)}
            loading={leaving === kind}
            onClick={() => void connect(kind)}
            aria-label={`${CONNECT_LABELS[kind]} to ${label}`}
          >
            {CONNECT_LABELS[kind]}
          </Button>
        ))}
      </Group>
      {why ? (
        <Text size="sm" c="dimmed" data-testid="connect-blocked">
          {why}
        </Text>
      ) : (
        <Text size="xs" c="dimmed">
          You go to {provider?.name ?? 'the provider'}’s page, sign in there and allow Steward to read new items and move or label threats; then you come back
          here.
        </Text>
      )}
      {error && (
        <Alert color="red" variant="light" role="alert">
          {error}
        </Alert>
      )}
    </Stack>
  );
}

/** One license with mail or file protection: what it is, what it protects, and connecting more. */
export function LicenseProtection({ entry, providers }: { entry: ProtectedLicense; providers: MailProvider[] }) {
  const { license, connections } = entry;
  const titleId = `mail-license-${license.id}-title`;
  const usable = licenseUsable(license);
  const status = license.status === 'active' && !usable ? 'expired' : license.status;
  const setupProviders = providers.filter((p) => p.automaticSetup && p.kinds.includes('mailbox'));

  return (
    <Card withBorder p={{ base: 'md', sm: 'lg' }} component="article" aria-labelledby={titleId} data-testid="mail-license">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" gap="xs">
          <div style={{ minWidth: 0 }}>
            <Title order={2} size="h4" id={titleId}>
              {license.productName}
            </Title>
            <Text size="sm" c="dimmed">
              {license.typeName}
            </Text>
          </div>
          <Group gap={6}>
            {license.company && (
              <Badge variant="outline" color="gray" miw="max-content">
                Company
              </Badge>
            )}
            <Badge variant="light" color={STATUS_COLORS[status]} miw="max-content">
              {STATUS_LABELS[status]}
            </Badge>
          </Group>
        </Group>
        <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="md" verticalSpacing="sm">
          <Fact label="Code">
            <Text span size="sm" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
              {maskedCode(license.codeLastGroup)}
            </Text>
          </Fact>
          <Fact label={status === 'active' ? 'Valid until' : status === 'expired' ? 'Ended' : 'Ends'}>
            {license.expiresAt ? formatDate(license.expiresAt) : 'No end date'}
          </Fact>
          <Fact label="Seats used">
            <span data-testid="mail-seats">
              {connections.length} of {license.seats} {seatWord(license.seats)}
            </span>
          </Fact>
        </SimpleGrid>
        {license.company && (
          <Text size="xs" c="dimmed">
            A company license: every administrator of the company sees and manages what it protects.
          </Text>
        )}
        <Divider />
        {connections.length === 0 ? (
          <Text size="sm" c="dimmed">
            Nothing is connected to this license yet.
          </Text>
        ) : (
          <Stack gap="md" component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-label={`Protected by ${license.productName}`}>
            {connections.map((connection) => (
              <li key={connection.id}>
                <ConnectionCard connection={connection} licenseId={license.id} licenseUsable={usable} />
              </li>
            ))}
          </Stack>
        )}
        <ConnectPanel entry={entry} providers={providers} />
        {setupProviders.length > 0 && (
          <>
            <Divider />
            <AutomaticSetup entry={entry} providers={setupProviders} />
          </>
        )}
        {!usable && (
          <Text size="sm">
            To protect mail again,{' '}
            <Anchor component={Link} to="/account/licenses" size="sm">
              renew the license
            </Anchor>
            .
          </Text>
        )}
      </Stack>
    </Card>
  );
}
