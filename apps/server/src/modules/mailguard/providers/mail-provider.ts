import type { ConnectionKind } from '../schema.ts';

/** A message or file as the provider hands it to the scanner: held in memory for the scan, never stored (MAIL-2). */
export interface ScanItem {
  /** The provider's own id of the message or file. */
  id: string;
  /** The text of a message, or nothing for a file. */
  text: string;
  /** Attachments of a message, or the file itself. */
  files: Array<{ name: string; content: Buffer }>;
}

export interface GrantedAccess {
  refreshToken: string;
  /** The mailbox address or file store name the person consented for, as the provider knows it. */
  address: string;
  scope: string;
}

export interface ProviderErrorInfo {
  /** The grant was revoked or expired at the provider: the person must connect again. */
  reconnect: boolean;
}

export class ProviderError extends Error {
  readonly reconnect: boolean;
  constructor(message: string, info: ProviderErrorInfo) {
    super(message);
    this.reconnect = info.reconnect;
  }
}

/**
 * A mail or storage service Steward protects (Microsoft 365, Google Workspace, …), reached with OAuth 2.0: authorization
 * code with PKCE (RFC 7636), then refresh tokens. A real provider implements this over its HTTP API; the built-in test
 * provider implements it in memory for trying Steward and for tests.
 */
export interface MailProvider {
  id: string;
  name: string;
  kinds: readonly ConnectionKind[];
  /** The permissions asked for: read items and move or label them, nothing more. */
  scope(kind: ConnectionKind): string;
  authorizationUrl(input: { state: string; codeChallenge: string; redirectUri: string; scope: string }): string;
  exchangeCode(input: { code: string; codeVerifier: string; redirectUri: string }): Promise<GrantedAccess>;
  /** A short-lived access token, kept only in memory for one scan. */
  accessToken(refreshToken: string): Promise<string>;
  /** Items that arrived since `cursor` (null: everything in the inbox now, so a new connection scans what is there), at most `limit`, and the cursor after them. */
  newItems(accessToken: string, address: string, cursor: string | null, limit: number): Promise<{ items: ScanItem[]; cursor: string }>;
  quarantine(accessToken: string, address: string, itemId: string): Promise<void>;
  tag(accessToken: string, address: string, itemId: string, label: string): Promise<void>;
  revoke(refreshToken: string): Promise<void>;
  /**
   * MAIL-1's automatic setup: an administrator's credentials, used once to grant access to the organisation's mailboxes,
   * and never kept (the caller drops them when this returns).
   */
  automaticSetup?(input: { adminUser: string; adminPassword: string; scope: string }): Promise<GrantedAccess[]>;
}
