import { Alert, Anchor, Button, Card, Group, Stack, Text } from '@mantine/core';
import { IconCircleCheck, IconMailOff } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { PageTitle } from '../../../components/PageTitle';
import { PageLoader } from '../../../components/RequireAuth';
import {
  CONSENT_ERROR_FALLBACK,
  CONSENT_ERRORS,
  type ConsentOutcome,
  consentOutcome,
  KIND_LABELS,
  type MailProtectionOverview,
  useMailProtection,
} from '../../../lib/mail-protection';
import { LicenseProtection } from './LicenseProtection';

/** The connection the provider's consent just made or renewed, by its id. */
function connectionOf(overview: MailProtectionOverview | undefined, id: string) {
  for (const entry of overview?.licenses ?? []) {
    const found = entry.connections.find((c) => c.id === id);
    if (found) return found;
  }
  return undefined;
}

/**
 * What happened at the provider, from the ?connected= or ?error= the server's callback sent the browser back with. The
 * parameters are taken off the address once read, so reloading or sharing the page does not say it again.
 */
function useConsentOutcome() {
  const [params, setParams] = useSearchParams();
  const [outcome, setOutcome] = useState<ConsentOutcome | null>(() => consentOutcome(params));
  useEffect(() => {
    const found = consentOutcome(params);
    if (!found) return;
    setOutcome(found);
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.delete('connected');
        next.delete('error');
        return next;
      },
      { replace: true },
    );
  }, [params, setParams]);
  return { outcome, dismiss: () => setOutcome(null) };
}

function ConsentNotice({ outcome, overview, onClose }: { outcome: ConsentOutcome; overview: MailProtectionOverview | undefined; onClose: () => void }) {
  if (outcome.kind === 'connected') {
    const connection = connectionOf(overview, outcome.id);
    return (
      <Alert
        color="green"
        variant="light"
        role="status"
        icon={<IconCircleCheck aria-hidden />}
        title={connection ? `${KIND_LABELS[connection.kind]} connected` : 'Connected'}
        withCloseButton
        closeButtonLabel="Dismiss"
        onClose={onClose}
        data-testid="consent-outcome"
      >
        {connection ? (
          <>
            <Text span fw={600} className="mono-break">
              {connection.address}
            </Text>{' '}
            is protected now. New {connection.kind === 'mailbox' ? 'messages are' : 'files are'} scanned within a minute of arriving.
          </>
        ) : (
          'The access you allowed is stored. New items are scanned within a minute of arriving.'
        )}
      </Alert>
    );
  }
  const { title, text } = CONSENT_ERRORS[outcome.code] ?? CONSENT_ERROR_FALLBACK;
  return (
    <Alert
      color={outcome.code === 'denied' ? 'yellow' : 'red'}
      variant="light"
      role="alert"
      icon={<IconMailOff aria-hidden />}
      title={title}
      withCloseButton
      closeButtonLabel="Dismiss"
      onClose={onClose}
      data-testid="consent-outcome"
    >
      {text}
    </Alert>
  );
}

/** MAIL-1 to MAIL-4: the mailboxes and file stores the caller's licenses protect, connecting more, and their settings. */
export function MailProtectionPage() {
  const overview = useMailProtection();
  const { outcome, dismiss } = useConsentOutcome();
  const licenses = overview.data?.licenses;

  return (
    <Stack gap="lg">
      <PageTitle>Mail protection</PageTitle>
      {outcome && <ConsentNotice outcome={outcome} overview={overview.data} onClose={dismiss} />}
      <Text>
        Steward Mail Protection scans new messages and files in the mailboxes and file stores you connect, for malware and phishing links. Connecting goes
        through your provider’s own consent page; Steward never sees your mail password.
      </Text>
      <Text size="sm" c="dimmed" data-testid="what-is-kept">
        Messages and files are scanned as they pass and are never stored. Steward keeps only the provider’s reference to each threat it found, with the verdict
        and the action taken, and daily counts, for 90 days; everything about a connection is deleted six months after its license ended.
      </Text>
      {overview.isPending && <PageLoader label="Loading your mail protection" />}
      {overview.error && (
        <Alert color="red" variant="light" role="alert" title="Your mail protection could not be loaded">
          {overview.error.message}{' '}
          <Button variant="subtle" size="compact-sm" onClick={() => void overview.refetch()}>
            Try again
          </Button>
        </Alert>
      )}
      {licenses?.length === 0 && (
        <Card withBorder padding="lg" data-testid="no-protection">
          <Stack gap="xs" align="flex-start">
            <Text fw={600}>You have no license with mail or file protection</Text>
            <Text size="sm">
              A Steward Mail Protection license protects one mailbox or file store per seat. Buy one under{' '}
              <Anchor component={Link} to="/account/purchases" size="sm">
                Purchases
              </Anchor>
              , or add one you have a code for under Licenses.
            </Text>
            <Group>
              <Button component={Link} to="/account/licenses" variant="light">
                Go to your licenses
              </Button>
            </Group>
          </Stack>
        </Card>
      )}
      {overview.data && licenses?.map((entry) => <LicenseProtection key={entry.license.id} entry={entry} providers={overview.data.providers} />)}
    </Stack>
  );
}
