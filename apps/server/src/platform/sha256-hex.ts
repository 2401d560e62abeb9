import { createHash } from 'node:crypto';

/** The SHA-256 of a text as hex: how every code, token and secret is stored instead of itself. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
