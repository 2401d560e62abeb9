import { Alert, Badge, Button, Card, Group, Select, SimpleGrid, Stack, Switch, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { Fact } from '../../../components/Fact';
import { formatDateTime } from '../../../lib/format';
import {
  ACTION_DESCRIPTIONS,
  ACTION_LABELS,
  CONNECTION_STATUS,
  type ConnectionSettings,
  KIND_LABELS,
  type MailConnection,
  type MailThreat,
  refusalMessage,
  type ThreatAction,
  useDisconnect,
  useSaveConnectionSettings,
  useStartConnection,
} from '../../../lib/mail-protection';
import { useConfirmedAction } from '../../../lib/use-confirmed-action';

const count = new Intl.NumberFormat();
const ACTIONS = (Object.keys(ACTION_LABELS) as ThreatAction[]).map((value) => ({ value, label: ACTION_LABELS[value] }));

const settingsOf = (c: MailConnection): ConnectionSettings => ({
  scanAttachments: c.scanAttachments,
  scanLinks: c.scanLinks,
  action: c.action,
  paused: c.status === 'paused',
});

const sameSettings = (a: ConnectionSettings, b: ConnectionSettings) =>
  a.scanAttachments === b.scanAttachments && a.scanLinks === b.scanLinks && a.action === b.action && a.paused === b.paused;

/** What is done with a threat, in the past tense of the list. */
const ACTION_TAKEN: Record<ThreatAction, { label: string; color: string }> = {
  quarantine: { label: 'Quarantined', color: 'red' },
  tag: { label: 'Tagged', color: 'orange' },
  report: { label: 'Reported only', color: 'gray' },
};

function RecentThreats({ threats, address }: { threats: MailThreat[]; address: string }) {
  return (
    <Stack gap={6}>
      <Text fw={600} size="sm">
        Recent threats
      </Text>
      {threats.length === 0 ? (
        <Text size="sm" c="dimmed">
          None found so far.
        </Text>
      ) : (
        <Stack gap={8} component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-label={`Recent threats in ${address}`} data-testid="recent-threats">
          {threats.map((threat) => (
            <Group key={threat.id} component="li" gap="xs" wrap="nowrap" align="flex-start" data-testid="threat">
              <IconAlertTriangle size={18} aria-hidden color="var(--mantine-color-red-6)" style={{ flexShrink: 0, marginTop: 2 }} />
              <div style={{ minWidth: 0, flex: 1 }}>
                <Group gap={6} wrap="wrap">
                  <Text size="sm" fw={600} className="mono-break">
                    {threat.verdict}
                  </Text>
                  <Badge size="sm" variant="light" color={ACTION_TAKEN[threat.actionTaken].color} miw="max-content">
                    {ACTION_TAKEN[threat.actionTaken].label}
                  </Badge>
                </Group>
                <Text size="xs" c="dimmed">
                  <time dateTime={threat.detectedAt}>{formatDateTime(threat.detectedAt)}</time>
                </Text>
                <Text size="xs" c="dimmed" ff="monospace" className="mono-break" title="The provider’s id of the message or file">
                  {threat.itemRef}
                </Text>
              </div>
            </Group>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

/** MAIL-2: what the scanner looks at and what it does with a threat; pausing keeps the access but stops scanning. */
function SettingsForm({ connection }: { connection: MailConnection }) {
  const [draft, setDraft] = useState<ConnectionSettings>(() => settingsOf(connection));
  const [error, setError] = useState<string | null>(null);
  const save = useSaveConnectionSettings();
  const unchanged = sameSettings(draft, settingsOf(connection));
  const set = <K extends keyof ConnectionSettings>(key: K, value: ConnectionSettings[K]) => setDraft((d) => ({ ...d, [key]: value }));

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      const saved = await save.mutateAsync({ id: connection.id, settings: draft });
      setDraft(settingsOf(saved));
      notifications.show({ color: 'green', message: `The settings of ${saved.address} are saved.` });
    } catch (err) {
      setError(refusalMessage(err));
    }
  }

  const what = connection.kind === 'mailbox' ? 'messages' : 'files';
  return (
    <form onSubmit={submit} noValidate aria-label={`Protection settings of ${connection.address}`}>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" verticalSpacing="sm">
          <Switch
            label="Scan attachments"
            description={connection.kind === 'mailbox' ? 'Files attached to messages.' : 'The contents of files.'}
            checked={draft.scanAttachments}
            onChange={(e) => set('scanAttachments', e.currentTarget.checked)}
          />
          <Switch
            label="Scan links"
            description={`Links in ${what} that lead to known phishing sites.`}
            checked={draft.scanLinks}
            onChange={(e) => set('scanLinks', e.currentTarget.checked)}
          />
        </SimpleGrid>
        <Select
          label="When a threat is found"
          data={ACTIONS}
          value={draft.action}
          onChange={(value) => value && set('action', value as ThreatAction)}
          allowDeselect={false}
          description={ACTION_DESCRIPTIONS[draft.action]}
          maw={360}
          comboboxProps={{ withinPortal: true }}
        />
        <Switch
          label="Pause scanning"
          description="Nothing is scanned while paused; Steward keeps its access, so you can go on without connecting again."
          checked={draft.paused}
          onChange={(e) => set('paused', e.currentTarget.checked)}
        />
        {error && (
          <Alert color="red" variant="light" role="alert">
            {error}
          </Alert>
        )}
        <Group>
          <Button type="submit" variant="default" loading={save.isPending} disabled={unchanged}>
            Save settings
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A connection the provider no longer honours: the person allows access again, which takes no new seat. */
function ReconnectNotice({ connection, licenseId, licenseUsable }: { connection: MailConnection; licenseId: string; licenseUsable: boolean }) {
  const start = useStartConnection();
  const [leaving, setLeaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function reconnect() {
    setError(null);
    setLeaving(true);
    try {
      await start.mutateAsync({ licenseId, kind: connection.kind, provider: connection.provider.id });
    } catch (err) {
      setLeaving(false);
      setError(refusalMessage(err));
    }
  }

  return (
    <Alert color="orange" variant="light" title="Scanning has stopped" data-testid="reconnect-needed">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">
          {connection.provider.name} no longer accepts Steward’s access, for instance because it was taken back or the password changed. Reconnect and sign in
          there as <span className="mono-break">{connection.address}</span>; this takes no new seat.
        </Text>
        {licenseUsable ? (
          <Button size="compact-md" leftSection={<IconRefresh size={16} aria-hidden />} loading={leaving} onClick={() => void reconnect()}>
            Reconnect
          </Button>
        ) : (
          <Text size="sm">The license has ended; renew it to reconnect.</Text>
        )}
        {error && (
          <Text size="sm" c="red.8" role="alert">
            {error}
          </Text>
        )}
      </Stack>
    </Alert>
  );
}

/** One protected mailbox or file store: its state, its counts, its settings and its recent threats. */
export function ConnectionCard({ connection, licenseId, licenseUsable }: { connection: MailConnection; licenseId: string; licenseUsable: boolean }) {
  const status = CONNECTION_STATUS[connection.status];
  const disconnect = useDisconnect();
  const removal = useConfirmedAction(async (c: MailConnection) => {
    await disconnect.mutateAsync(c.id);
    return `${c.address} is disconnected: Steward’s access went back to ${c.provider.name} and its scan records are deleted.`;
  });
  const titleId = `connection-${connection.id}-title`;
  const what = connection.kind === 'mailbox' ? 'mailbox' : 'file store';

  return (
    <Card withBorder p={{ base: 'sm', xs: 'md' }} component="article" aria-labelledby={titleId} data-testid="connection">
      <Stack gap="md">
        {/* The address gets the whole width: a long one would leave a narrow column beside a badge on a phone. */}
        <div style={{ minWidth: 0 }}>
          <Text fw={700} id={titleId} className="mono-break" component="h3" m={0} size="md">
            {connection.address}
          </Text>
          <Group gap="xs" mt={4} wrap="wrap">
            <Badge variant="light" color={status.color} miw="max-content" data-testid="connection-status">
              {status.label}
            </Badge>
            <Text size="sm" c="dimmed">
              {KIND_LABELS[connection.kind]} at {connection.provider.name}
            </Text>
          </Group>
        </div>
        {connection.status === 'reconnect-needed' && <ReconnectNotice connection={connection} licenseId={licenseId} licenseUsable={licenseUsable} />}
        {connection.status === 'active' && !licenseUsable && (
          <Text size="sm" c="orange.8">
            Not scanned while the license has ended.
          </Text>
        )}
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md" verticalSpacing="sm">
          <Fact label="Connected">{formatDateTime(connection.connectedAt)}</Fact>
          <Fact label="Last scan">{connection.lastScanAt ? formatDateTime(connection.lastScanAt) : 'Not yet'}</Fact>
          <Fact label="Scanned, 30 days">
            <span className="num" data-testid="scanned-30-days">
              {count.format(connection.last30Days.scanned)}
            </span>
          </Fact>
          <Fact label="Threats, 30 days">
            <Text span size="sm" fw={connection.last30Days.threats > 0 ? 700 : undefined} c={connection.last30Days.threats > 0 ? 'red.8' : undefined}>
              <span className="num" data-testid="threats-30-days">
                {count.format(connection.last30Days.threats)}
              </span>
            </Text>
          </Fact>
        </SimpleGrid>
        <SettingsForm connection={connection} />
        <RecentThreats threats={connection.recentThreats} address={connection.address} />
        <Group>
          <Button variant="outline" color="red" onClick={() => removal.ask(connection)} aria-label={`Disconnect ${connection.address}`}>
            Disconnect
          </Button>
        </Group>
      </Stack>
      <ConfirmModal
        opened={removal.pending !== null}
        title={`Disconnect this ${what}?`}
        confirmLabel="Disconnect"
        color="red"
        busy={disconnect.isPending}
        error={removal.error}
        onConfirm={() => void removal.confirm()}
        onClose={removal.close}
      >
        <Text size="sm">
          <Text span fw={600} className="mono-break">
            {connection.address}
          </Text>{' '}
          is no longer scanned. Steward hands its access back to {connection.provider.name} and deletes the threats and counts recorded for it; its seat is free
          for another mailbox or file store.
        </Text>
      </ConfirmModal>
    </Card>
  );
}
