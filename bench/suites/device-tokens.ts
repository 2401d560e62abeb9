import { createHash } from 'node:crypto';

// Seeded devices get ids and secrets derived from their number, so the load can form any device's token.
const md5 = (text: string) => createHash('md5').update(text).digest('hex');

export const seededDeviceId = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
export const seededDeviceToken = (n: number) => `${seededDeviceId(n)}.${md5(String(n))}${md5(`${n}s`)}`;

/** Which seeded device the n-th request speaks for: every one in turn, or any at random. */
export interface DeviceTokens {
  fleet: number;
  order: 'cycle' | 'random';
}

export function deviceNumber(tokens: DeviceTokens, n: number): number {
  return tokens.order === 'cycle' ? (n % tokens.fleet) + 1 : 1 + Math.floor(Math.random() * tokens.fleet);
}
