/**
 * Address patterns and the fake ranges replacements come from. Every fake range is one that cannot
 * appear as a real address in a report, so a replacement never collides with a real value and
 * redacting redacted output finds nothing new:
 * - IPv4 → 240.0.0.0/4 (reserved "future use", RFC 1112; never routed, never configured).
 *   The first octet keeps the original's class: 240 private (RFC 1918), 241 link-local, 242 shared
 *   (RFC 6598 CGNAT), 243 anything else (public). The /24 is kept: every address of one original /24
 *   lands in one fake /24 with its last octet unchanged, so gateways (.1) and broadcasts (.255) stay readable.
 * - IPv6 → fd53:7465:7761::/48 (a unique-local prefix, "Stewa" in ASCII); each original /64 gets its own fake /64.
 * - MAC → 02:00:00:xx:xx:xx (locally administered, so never a vendor-assigned address), in the original's
 *   separator and letter case.
 */

import { AnchoredPattern } from './anchored-pattern.ts';

/**
 * Dotted quad; not glued to word characters or dots, not after a `name-` holding a letter (package names like
 * `foo-1.2.3.4`; a range `10.0.0.1-10.0.0.9` still matches twice), nor followed by `.digit` or `-1ubuntu`-style suffixes.
 */
export const IPV4_PATTERN =
  /(?<![\w.]|[A-Za-z][A-Za-z0-9_]*-)(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}(?![\w]|\.\d|-\d+[A-Za-z~+])/g;

/** Colon-hex candidates; `parseIpv6` decides, so times (12:34:56) and MACs (six groups, no `::`) fall out. */
export const IPV6_PATTERN = /(?<![\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?![\w:]|\.\d)/g;

/** A candidate's first colon, after up to four hex digits, is followed by a group and a second colon. */
export const IPV6_SEARCH = new AnchoredPattern(IPV6_PATTERN, /:(?=[0-9A-Fa-f]{0,4}:)/g, /[0-9A-Fa-f]/);

/** Six hex pairs separated by one consistent `:` or `-`, or Cisco's `aabb.ccdd.eeff`. */
export const MAC_PATTERN =
  /(?<![\w:.-])(?:[0-9A-Fa-f]{2}([:-])[0-9A-Fa-f]{2}(?:\1[0-9A-Fa-f]{2}){4}|[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4})(?![\w:-]|\.\w)/g;

/** Anchored at the first separator: after two hex digits for `:`/`-`, after four for Cisco's dots. */
export const MAC_SEARCH = new AnchoredPattern(MAC_PATTERN, /[:-](?=[0-9A-Fa-f]{2}[:-])|\.(?=[0-9A-Fa-f]{4}\.)/g, /[0-9A-Fa-f]/);

/** Also never replaced as user or host names (see GENERIC_USERS), so a second run sees the same cue. */
const VERSION_CUE = /(?:\bv|\bver|\bversion|\brelease|\bbuild|\brev|\brevision|\bfirmware|\bfw)[\s:=]{0,3}$/i;

/** `version 1.2.3.4`, `Version=4.0.0.0`, `firmware: 10.1.2.3` are versions, not addresses. */
export function followsVersionCue(textBefore: string): boolean {
  return VERSION_CUE.test(textBefore.slice(-24));
}

export function ipv4Octets(address: string): number[] {
  return address.split('.').map(Number);
}

/** Addresses that identify nobody: unspecified, loopback, broadcast, multicast, netmasks, and the fake range itself. */
export function isUnidentifyingIpv4(octets: number[]): boolean {
  const [a] = octets;
  if (a === 0 || a === 127 || a >= 224) return true;
  return false;
}

/** 0 private, 1 link-local, 2 shared (CGNAT), 3 other. */
export function ipv4Class(octets: number[]): number {
  const [a, b] = octets;
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return 0;
  if (a === 169 && b === 254) return 1;
  if (a === 100 && b >= 64 && b <= 127) return 2;
  return 3;
}

/** The fake /24 prefix ("241.0.7") for the n-th network of a class. */
export function fakeIpv4Network(addressClass: number, n: number): string {
  if (n >= 65_536) throw new Error('more than 65,536 distinct /24 networks of one class');
  return `${240 + addressClass}.${n >> 8}.${n & 255}`;
}

/** The eight 16-bit groups of an IPv6 address, or null when `text` is not one. */
export function parseIpv6(text: string): number[] | null {
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const parts = (half: string) => (half === '' ? [] : half.split(':'));
  const head = parts(halves[0]);
  const tail = halves.length === 2 ? parts(halves[1]) : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  if (!groups.every((group) => /^[0-9A-Fa-f]{1,4}$/.test(group))) return null;
  return groups.map((group) => Number.parseInt(group, 16));
}

/** RFC 5952 text: lower case, leading zeros dropped, the longest run (≥ 2) of zero groups as `::`. */
export function formatIpv6(groups: number[]): string {
  let bestStart = -1;
  let bestLength = 1;
  for (let start = 0; start < 8; start++) {
    let length = 0;
    while (start + length < 8 && groups[start + length] === 0) length++;
    if (length > bestLength) {
      bestStart = start;
      bestLength = length;
    }
  }
  const hex = groups.map((group) => group.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}

export const FAKE_IPV6_PREFIX = [0xfd53, 0x7465, 0x7761];

/** Unspecified, loopback, multicast (ff00::/8) and the fake prefix carry nothing about the user. */
export function isUnidentifyingIpv6(groups: number[]): boolean {
  if (groups.slice(0, 7).every((group) => group === 0) && groups[7] <= 1) return true;
  if (groups[0] >> 8 === 0xff) return true;
  return FAKE_IPV6_PREFIX.every((group, index) => groups[index] === group);
}

/** Fake address: fd53:7465:7761:<network n>::<host n>, host n unique over the whole map. */
export function fakeIpv6(network: number, host: number): string {
  const high = Math.floor(host / 65_536) & 0xffff;
  return formatIpv6([...FAKE_IPV6_PREFIX, network & 0xffff, 0, 0, high, host & 0xffff]);
}

/** Lower-case, colon-separated form used as the map key. */
export function normaliseMac(mac: string): string {
  return mac
    .replace(/[.:-]/g, '')
    .toLowerCase()
    .replace(/(..)(?!$)/g, '$1:');
}

export function isUnidentifyingMac(key: string): boolean {
  return key === '00:00:00:00:00:00' || key === 'ff:ff:ff:ff:ff:ff';
}

/** The n-th fake MAC (02:00:00:00:00:01 first) written like `original` (same separator layout and letter case). */
export function fakeMac(n: number, original: string): string {
  const hex = (0x020000000000 + (n % 0xffffff) + 1).toString(16).padStart(12, '0');
  const upper = original === original.toUpperCase() && /[A-F]/.test(original);
  const cased = upper ? hex.toUpperCase() : hex;
  if (/^[0-9A-Fa-f]{4}\./.test(original)) return cased.replace(/(.{4})(?!$)/g, '$1.');
  const separator = original.includes('-') ? '-' : ':';
  return cased.replace(/(..)(?!$)/g, `$1${separator}`);
}
