import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './api';
import { ApiError } from './problem';

/** Shapes of the mail protection API (apps/server/src/modules/mailguard/mailguard-schemas.ts). */

export type ConnectionKind = 'mailbox' | 'file-store';
export type ConnectionStatus = 'active' | 'paused' | 'reconnect-needed';
export type ThreatAction = 'quarantine' | 'tag' | 'report';

/** A mail or storage service Steward protects, such as Microsoft 365 or Google Workspace. */
export interface MailProvider {
  id: string;
  name: string;
  kinds: ConnectionKind[];
  /** Whether an organisation's administrator can connect all its mailboxes at once. */
  automaticSetup: boolean;
}

export interface MailThreat {
  id: string;
  /** The provider's own id of the message or file; Steward keeps nothing else of it. */
  itemRef: string;
  verdict: string;
  actionTaken: ThreatAction;
  detectedAt: string;
}

export interface MailConnection {
  id: string;
  kind: ConnectionKind;
  provider: { id: string; name: string };
  address: string;
  status: ConnectionStatus;
  scanAttachments: boolean;
  scanLinks: boolean;
  action: ThreatAction;
  connectedAt: string;
  lastScanAt: string | null;
  last30Days: { scanned: number; threats: number };
  recentThreats: MailThreat[];
}

export interface ProtectionLicense {
  id: string;
  productName: string;
  typeName: string;
  codeLastGroup: string;
  seats: number;
  status: 'active' | 'expired' | 'revoked';
  expiresAt: string | null;
  /** A company's license, which its administrators manage. */
  company: boolean;
}

export interface ProtectedLicense {
  license: ProtectionLicense;
  /** What the license protects: mailboxes, file stores or both. */
  kinds: ConnectionKind[];
  connections: MailConnection[];
}

export interface MailProtectionOverview {
  providers: MailProvider[];
  licenses: ProtectedLicense[];
}

export interface ConnectionSettings {
  scanAttachments: boolean;
  scanLinks: boolean;
  action: ThreatAction;
  paused: boolean;
}

export type NoticeKind = 'outage' | 'update';

export interface ServiceNotice {
  id: string;
  kind: NoticeKind;
  subject: string;
  body: string;
  recipients: number;
  createdAt: string;
}

export interface NoticeInput {
  kind: NoticeKind;
  subject: string;
  text: string;
}

/** The limits the server checks for a notice, checked here first so the form can say them in words. */
export const NOTICE_SUBJECT_MAX = 150;
export const NOTICE_TEXT_MAX = 5000;

export const KIND_LABELS: Record<ConnectionKind, string> = { mailbox: 'Mailbox', 'file-store': 'File store' };
export const CONNECTION_STATUS: Record<ConnectionStatus, { label: string; color: string }> = {
  active: { label: 'Protected', color: 'green' },
  paused: { label: 'Paused', color: 'gray' },
  'reconnect-needed': { label: 'Reconnect needed', color: 'orange' },
};
export const ACTION_LABELS: Record<ThreatAction, string> = { quarantine: 'Quarantine', tag: 'Tag', report: 'Report only' };
/** What each action does to a message or file found to be a threat, in the words of the settings. */
export const ACTION_DESCRIPTIONS: Record<ThreatAction, string> = {
  quarantine: 'Move it to the provider’s quarantine folder, out of the inbox.',
  tag: 'Leave it where it is and label it “Steward: threat”.',
  report: 'Leave it untouched and only list it here.',
};
export const NOTICE_KIND_LABELS: Record<NoticeKind, string> = { outage: 'Outage', update: 'Update' };

/** Where the provider's consent ends (the server's callback redirects here with ?connected= or ?error=). */
export const MAIL_PROTECTION_PATH = '/account/mail-protection';

/** What the page says after the provider sent the browser back. */
export type ConsentOutcome = { kind: 'connected'; id: string } | { kind: 'error'; code: string };

export function consentOutcome(params: URLSearchParams): ConsentOutcome | null {
  const connected = params.get('connected');
  if (connected) return { kind: 'connected', id: connected };
  const error = params.get('error');
  if (error) return { kind: 'error', code: error };
  return null;
}

export const CONSENT_ERRORS: Record<string, { title: string; text: string }> = {
  denied: {
    title: 'Nothing was connected: access was denied',
    text: 'You chose Deny on the provider’s page, so Steward has no access. Connect again and choose Allow to protect it.',
  },
  expired: {
    title: 'Nothing was connected: the request had run out',
    text: 'The connection request was older than ten minutes, already used, or started in another account. Start again from this page.',
  },
  refused: {
    title: 'Nothing was connected: the provider refused',
    text: 'The provider did not confirm the access you allowed. Please try again in a moment.',
  },
  'seats-exceeded': {
    title: 'Nothing was connected: no seat is free',
    text: 'Every seat of this license protects a mailbox or file store already, and the access was handed back to the provider. Disconnect one first, or buy a license with more seats.',
  },
  'signed-out': {
    title: 'Nothing was connected: you were signed out',
    text: 'Your sign-in ended while you were at the provider. Now that you are signed in again, connect once more.',
  },
  'license-unusable': {
    title: 'Nothing was connected: the license has ended',
    text: 'This license has expired or was revoked, so it cannot protect anything new. Renew it on the Licenses page.',
  },
};
export const CONSENT_ERROR_FALLBACK = { title: 'Nothing was connected', text: 'The connection did not complete. Please start again from this page.' };

/** Why the server refused to start a connection or an automatic setup, in words. */
const START_REFUSALS: Record<string, string> = {
  'license-unusable': 'This license has expired or was revoked, so it cannot protect anything new. Renew it on the Licenses page.',
  'seats-exceeded': 'Every seat of this license protects a mailbox or file store already. Disconnect one first.',
  'license-not-found': 'This license is no longer yours to manage. Reload the page.',
  'automatic-setup-refused': 'The provider did not accept this administrator sign-in. Check it and try again; nothing was connected.',
  'automatic-setup-unavailable': 'This provider offers no automatic setup. Connect each mailbox instead.',
};

export function refusalMessage(err: unknown): string {
  if (err instanceof ApiError) {
    if (err.code && START_REFUSALS[err.code]) return START_REFUSALS[err.code];
    if (err.fieldErrors.some((f) => f.field.endsWith('kind'))) return 'This provider cannot protect that kind of store.';
  }
  return err instanceof Error ? err.message : 'Something went wrong. Please try again.';
}

/** Whether a license can still protect mailboxes and file stores: not expired, not revoked. */
export const licenseUsable = (license: ProtectionLicense) =>
  license.status === 'active' && (license.expiresAt === null || new Date(license.expiresAt).getTime() > Date.now());

export const seatsFree = (entry: ProtectedLicense) => Math.max(0, entry.license.seats - entry.connections.length);

export const seatWord = (n: number) => (n === 1 ? 'seat' : 'seats');

const OVERVIEW_KEY = ['mail-protection'];
const NOTICES_KEY = ['staff', 'mail-protection', 'notices'];

/** The caller's protected mailboxes and file stores by license; read again every minute, as often as the scans run. */
export function useMailProtection() {
  return useQuery({
    queryKey: OVERVIEW_KEY,
    queryFn: () => api.get<MailProtectionOverview>('/api/mail-protection'),
    refetchInterval: 60_000,
  });
}

/**
 * MAIL-1: starts the provider's consent and leaves for its page; the provider sends the browser back to the server's
 * callback, which redirects to this page with the outcome. Resolves only if the start was refused (it throws then).
 */
export async function startConnection(input: { licenseId: string; kind: ConnectionKind; provider: string }): Promise<void> {
  const { authorizationUrl } = await api.post<{ authorizationUrl: string }>('/api/mail-protection/authorizations', input);
  window.location.assign(authorizationUrl);
}

export function useStartConnection() {
  return useMutation({ mutationFn: startConnection });
}

function useOverviewMutation<Input, Output>(mutationFn: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSettled: () => queryClient.invalidateQueries({ queryKey: OVERVIEW_KEY }) });
}

/** MAIL-1: an administrator's sign-in, handed to the provider in this one call and never saved. */
export const useAutomaticSetup = () =>
  useOverviewMutation((input: { licenseId: string; provider: string; adminUser: string; adminPassword: string }) =>
    api.post<{ connected: string[] }>('/api/mail-protection/automatic-setup', input),
  );

/** MAIL-2: what the scanner looks at and does; pausing stops scanning without handing the access back. */
export const useSaveConnectionSettings = () =>
  useOverviewMutation(({ id, settings }: { id: string; settings: ConnectionSettings }) =>
    api.patch<MailConnection>(`/api/mail-protection/connections/${id}`, settings),
  );

/** Hands the access back to the provider and deletes the connection with its scan records. */
export const useDisconnect = () => useOverviewMutation((id: string) => api.delete<void>(`/api/mail-protection/connections/${id}`));

/** MAIL-3: the outage and update notices staff sent, newest first (admin). */
export function useServiceNotices() {
  return useQuery({ queryKey: NOTICES_KEY, queryFn: () => api.get<ServiceNotice[]>('/api/staff/mail-protection/notices') });
}

export function useSendServiceNotice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NoticeInput) => api.post<{ id: string; recipients: number }>('/api/staff/mail-protection/notices', input),
    onSettled: () => queryClient.invalidateQueries({ queryKey: NOTICES_KEY }),
  });
}
