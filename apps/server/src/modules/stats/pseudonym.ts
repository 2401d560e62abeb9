import { createHmac } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';
import { deriveKey } from '../../platform/blobs/seal.ts';

/**
 * The network an address belongs to: /24 for IPv4, /48 for IPv6 (an IPv4-mapped IPv6 address
 * counts as IPv4). Only this is hashed; the address itself is never stored.
 */
export function truncateIp(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  const v4 = mapped ? mapped[1] : ip;
  if (isIPv4(v4)) return `${v4.split('.').slice(0, 3).join('.')}.0/24`;
  if (!isIPv6(ip)) return 'unknown';
  const [head, tail = ''] = ip.toLowerCase().split('%')[0].split('::');
  const left = head ? head.split(':') : [];
  const right = ip.includes('::') && tail ? tail.split(':') : [];
  const groups = ip.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 3)
    .map((g) => Number.parseInt(g, 16).toString(16))
    .join(':')}::/48`;
}

/** Today's key, derived from the master key and the UTC date: a new one each day, none stored. */
function dailyKey(masterKey: Buffer, at: Date): Buffer {
  return deriveKey(masterKey, `steward statistics pseudonym ${at.toISOString().slice(0, 10)}`);
}

/** HMAC-SHA256 of the truncated address and the user agent under the day's key. */
export function pseudonymFor(masterKey: Buffer, at: Date, ip: string, userAgent: string): string {
  return createHmac('sha256', dailyKey(masterKey, at))
    .update(`${truncateIp(ip)}\n${userAgent}`)
    .digest('base64url');
}
