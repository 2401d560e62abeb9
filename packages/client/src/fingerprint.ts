import { createHash } from 'node:crypto';

/** What Steward and the license token know of a device fingerprint: its SHA-256, never the value. */
export function fingerprintHash(fingerprint: string): string {
  return createHash('sha256').update(fingerprint, 'utf8').digest('base64url');
}
