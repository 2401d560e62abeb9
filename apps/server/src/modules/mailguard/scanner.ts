import type { ScanItem } from './providers/mail-provider.ts';

/** The EICAR anti-malware test file: every scanner detects it, so anyone can check the protection works. */
const EICAR = String.raw`X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*`;

/**
 * Hosts known to serve phishing; a real deployment loads the vendor's threat feed here. `.test` and `.invalid` entries let
 * anyone try link protection without a live threat.
 */
const PHISHING_HOSTS = new Set(['phishing.steward-test.invalid', 'login-verify.steward-test.invalid']);

const URL_PATTERN = /\bhttps?:\/\/([A-Za-z0-9.-]+)/g;

export interface ScanSettings {
  scanAttachments: boolean;
  scanLinks: boolean;
}

function phishingLink(text: string): boolean {
  for (const match of text.matchAll(URL_PATTERN)) {
    const host = match[1].toLowerCase();
    const labels = host.split('.');
    for (let start = 0; start < labels.length - 1; start++) if (PHISHING_HOSTS.has(labels.slice(start).join('.'))) return true;
  }
  return false;
}

/** The threat a message or file carries, by the settings, or null. Works on the item in memory; nothing of it is kept (MAIL-2). */
export function verdictOf(item: ScanItem, settings: ScanSettings): string | null {
  if (item.text.includes(EICAR)) return 'EICAR-Test-File';
  if (settings.scanAttachments && item.files.some((file) => file.content.includes(EICAR))) return 'EICAR-Test-File';
  if (settings.scanLinks && phishingLink(item.text)) return 'Phishing-Link';
  return null;
}

export const TEST_THREATS = { eicar: EICAR, phishingUrl: 'https://login-verify.steward-test.invalid/reset' };
