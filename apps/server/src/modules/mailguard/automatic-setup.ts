import type { Deps } from '../../platform/deps.ts';
import { type GrantTarget, storeGrant } from './authorize-connection.ts';
import { usableLicense } from './license-seats.ts';
import { mailguardProblems } from './mailguard-problems.ts';
import { type GrantedAccess, ProviderError } from './providers/mail-provider.ts';
import { mailProviders } from './providers/mail-providers.ts';

export interface AutomaticSetupInput {
  licenseId: string;
  provider: string;
  adminUser: string;
  adminPassword: string;
}

/**
 * MAIL-1: an organisation's administrator lets Steward connect all its mailboxes at once. The credentials go to the
 * provider in this one call and nowhere else: not into the database, not into a job, not into the log (the route's
 * body is never logged). What is kept is what the provider granted, as with the consent flow.
 */
export async function automaticSetup(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  userId: string,
  input: AutomaticSetupInput,
): Promise<{ connected: string[] }> {
  const provider = mailProviders(deps).byId(input.provider);
  if (!provider.automaticSetup || !provider.kinds.includes('mailbox')) throw mailguardProblems.noAutomaticSetup();
  const licenseRow = await usableLicense(deps, userId, input.licenseId, 'mailbox');
  let granted: GrantedAccess[];
  try {
    granted = await provider.automaticSetup({ adminUser: input.adminUser, adminPassword: input.adminPassword, scope: provider.scope('mailbox') });
  } catch (error) {
    if (error instanceof ProviderError) throw mailguardProblems.setupRefused(error.message);
    throw error;
  }
  const target: GrantTarget = { license: licenseRow, connectedBy: userId, kind: 'mailbox', provider: provider.id };
  try {
    const connected = await deps.db.transaction(async (tx) => {
      const ids: string[] = [];
      for (const access of granted) ids.push(await storeGrant(tx, deps, target, access));
      return ids;
    });
    return { connected };
  } catch (error) {
    // All or nothing: grants that could not all be stored are handed back to the provider.
    for (const access of granted) await provider.revoke(access.refreshToken);
    throw error;
  }
}
