import {
  FAKE_IPV6_PREFIX,
  fakeIpv4Network,
  fakeIpv6,
  fakeMac,
  followsVersionCue,
  formatIpv6,
  IPV4_PATTERN,
  IPV6_SEARCH,
  ipv4Class,
  ipv4Octets,
  isUnidentifyingIpv4,
  isUnidentifyingIpv6,
  isUnidentifyingMac,
  MAC_SEARCH,
  normaliseMac,
  parseIpv6,
} from './addresses.ts';
import { AnchoredPattern } from './anchored-pattern.ts';
import { HOME_PATH_PATTERN, type Identities, isPersonalUser, isSpecificHost, mayHoldHomePath } from './identities.ts';
import { KnownNames } from './known-names.ts';
import { KnownWords } from './known-words.ts';
import { FQDN_SEARCH, isHostName, isPublicDomain, splitName } from './names.ts';
import type { RedactionLedger } from './redaction-map.ts';
import { protect, type Rewriting, rewrite, rewriteMatches, startRewriting } from './rewrite.ts';

/** Anchored at the `@`: the look-behind admits no local-part character before the start. */
export const EMAIL_SEARCH = new AnchoredPattern(
  /(?<![\w.%+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@((?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24})(?![\w-]|\.[A-Za-z0-9])/g,
  /@/g,
  /[A-Za-z0-9._%+-]/,
);

/** The shapes of name replacements; a match that the map handed out is left alone when output is redacted again. */
const REPLACEMENT_SHAPE =
  /(?<![\p{L}\p{N}])(?:(email\d+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*)|(?:(host\d+)\.)?(domain\d+\.invalid)|(host\d+)(?:\.(?:local|lan|home|internal|localdomain))?|(user\d+)|(redacted-keyword-\d+))(?![\p{L}\p{N}])/gu;

/** Every REPLACEMENT_SHAPE match holds one of these; testing for it first spares most files the costlier pattern. */
const MAY_HOLD_REPLACEMENT = /(?:email|host|domain|user|redacted-keyword-)\d/;

/** Names shorter than this are replaced only inside home paths: whole-word matching on "al" or "jo" would hit ordinary text. */
const MIN_WORD_NAME = 3;

/**
 * Replaces identifiers in text using one ledger, so a value gets the same replacement in every file
 * and, with a reused map, in every run. Order matters: emails before domains, addresses before names,
 * and the user's keywords last so they never split a name that is replaced whole.
 */
export class Redactor {
  private readonly ledger: RedactionLedger;
  private readonly domains: ReadonlySet<string>;
  private readonly knownNames: KnownNames;
  private readonly users: KnownWords;
  private readonly hosts: KnownWords;
  private readonly keywords: KnownWords;

  /**
   * Short host names come only from `identities`: the map's hostname keys include labels such as `www`
   * or `mail` taken from FQDNs, which must not be replaced as words. Users and keywords from a reused map do count.
   */
  constructor(ledger: RedactionLedger, identities: Identities, keywords: Iterable<string> = []) {
    this.ledger = ledger;
    const entries = ledger.map.entries;
    const lower = (values: Iterable<string>) => [...values].map((value) => value.toLowerCase());
    const domains = lower([...identities.domains, ...Object.keys(entries.domain)]).filter((domain) => domain.includes('.'));
    this.domains = new Set(domains);
    const dottedHosts = lower(identities.hosts).filter((host) => host.includes('.'));
    this.knownNames = new KnownNames([...domains, ...dottedHosts]);
    const users = lower([...identities.users, ...Object.keys(entries.user)]).filter((user) => isPersonalUser(user) && user.length >= MIN_WORD_NAME);
    this.users = new KnownWords(users);
    const hosts = lower(identities.hosts).filter((host) => !host.includes('.') && isSpecificHost(host));
    this.hosts = new KnownWords(hosts.filter((host) => host.length >= MIN_WORD_NAME));
    this.keywords = new KnownWords(lower([...keywords, ...Object.keys(entries.keyword)]));
  }

  redact(text: string): string {
    const state = startRewriting(text);
    if (MAY_HOLD_REPLACEMENT.test(text)) protect(state, REPLACEMENT_SHAPE, (match) => this.isOwnReplacement(match));
    protect(state, IPV4_PATTERN, (match) => this.ledger.isReplacement('ipv4', match[0]));
    protect(state, IPV6_SEARCH, (match) => {
      const groups = ipv6Groups(match[0]);
      return groups !== null && this.ledger.isReplacement('ipv6', formatIpv6(groups));
    });
    protect(state, MAC_SEARCH, (match) => this.ledger.isReplacement('mac', normaliseMac(match[0])));
    rewrite(state, EMAIL_SEARCH, (match) => this.email(match[0], match[1]));
    rewrite(state, IPV6_SEARCH, (match) => this.ipv6(match[0]));
    rewrite(state, MAC_SEARCH, (match) => this.mac(match[0]));
    rewrite(state, IPV4_PATTERN, (match) => this.ipv4(match[0], match.input.slice(Math.max(0, match.index - 24), match.index)));
    rewriteMatches(state, this.knownNames.find(state.text), (match) => this.name(match[0].toLowerCase(), true));
    rewrite(state, FQDN_SEARCH, (match) => (isHostName(match[0]) && !isPublicDomain(match[0]) ? this.name(match[0].toLowerCase(), false) : null));
    if (mayHoldHomePath(state.text)) rewrite(state, HOME_PATH_PATTERN, (match) => this.homePath(match[0], match[1]));
    this.words(state, this.users, 'user');
    this.words(state, this.hosts, 'hostname');
    this.words(state, this.keywords, 'keyword');
    return state.text;
  }

  /** A file or folder name: redacted whole, then once more without its extension so `web01.acme.com.log` is caught. */
  redactFileName(name: string): string {
    const whole = this.redact(name);
    const dot = whole.lastIndexOf('.');
    return dot > 0 ? this.redact(whole.slice(0, dot)) + whole.slice(dot) : whole;
  }

  private isOwnReplacement([, email, fqdnHost, domain, host, user, keyword]: RegExpExecArray): boolean {
    const ledger = this.ledger;
    if (email) return ledger.isReplacement('email', email);
    if (domain) return ledger.isReplacement('domain', domain) && (!fqdnHost || ledger.isReplacement('hostname', fqdnHost));
    if (host) return ledger.isReplacement('hostname', host);
    if (user) return ledger.isReplacement('user', user);
    return ledger.isReplacement('keyword', keyword);
  }

  private email(address: string, domain: string): string | null {
    const lowerDomain = domain.toLowerCase();
    if (lowerDomain.endsWith('.invalid') || lowerDomain.endsWith('.example')) return null;
    const replacedDomain = (isPublicDomain(lowerDomain) ? null : this.name(lowerDomain, false)) ?? lowerDomain;
    return this.ledger.replace('email', address.toLowerCase(), (n) => `email${n}@${replacedDomain}`);
  }

  private ipv6(candidate: string): string | null {
    const trailing = candidate.endsWith(':') && !candidate.endsWith('::') ? ':' : '';
    const groups = ipv6Groups(candidate);
    if (!groups || isUnidentifyingIpv6(groups)) return null;
    const key = formatIpv6(groups);
    if (this.ledger.isReplacement('ipv6', key)) return null;
    const networkKey = formatIpv6([...groups.slice(0, 4), 0, 0, 0, 0]);
    const fakeNetwork = this.ledger.network('ipv6Networks', networkKey, '', (n) => formatIpv6([...FAKE_IPV6_PREFIX, n & 0xffff, 0, 0, 0, 0]));
    const network = parseIpv6(fakeNetwork)?.[3] ?? 0;
    return this.ledger.replace('ipv6', key, (n) => fakeIpv6(network, n + 1)) + trailing;
  }

  private mac(original: string): string | null {
    const key = normaliseMac(original);
    if (isUnidentifyingMac(key) || this.ledger.isReplacement('mac', key)) return null;
    const canonical = this.ledger.replace('mac', key, (n) => fakeMac(n, ':'));
    return fakeMacLike(canonical, original);
  }

  private ipv4(address: string, before: string): string | null {
    const octets = ipv4Octets(address);
    if (isUnidentifyingIpv4(octets) || followsVersionCue(before)) return null;
    const addressClass = ipv4Class(octets);
    const networkKey = octets.slice(0, 3).join('.');
    const network = this.ledger.network('ipv4Networks', networkKey, `${240 + addressClass}.`, (n) => fakeIpv4Network(addressClass, n));
    const fake = `${network}.${octets[3]}`;
    return this.ledger.replace('ipv4', address, () => fake);
  }

  /**
   * A lower-case host or domain name → `hostN.domainM.invalid`, `domainM.invalid` or `hostN.local`.
   * Names under the computer's own domains are `known` and replaced even below an allowlisted public domain.
   */
  private name(name: string, known: boolean): string | null {
    if ((!known && isPublicDomain(name)) || !isSpecificHost(name)) return null;
    const parts = splitName(name, this.domains);
    if (parts.keepDomain && this.ledger.isReplacement('hostname', parts.host)) return null;
    const domain = parts.keepDomain ? parts.domain : this.ledger.replace('domain', parts.domain, (n) => `domain${n}.invalid`);
    if (parts.host === '') return domain;
    return `${this.ledger.replace('hostname', parts.host, (n) => `host${n}`)}.${domain}`;
  }

  private homePath(path: string, user: string): string | null {
    const key = user.toLowerCase();
    if (!isPersonalUser(key) || this.ledger.isReplacement('user', key)) return null;
    const replacement = this.ledger.replace('user', key, (n) => `user${n}`);
    return path.slice(0, path.length - user.length) + replacement;
  }

  private words(state: Rewriting, words: KnownWords, kind: 'user' | 'hostname' | 'keyword'): void {
    const prefix = { user: 'user', hostname: 'host', keyword: 'redacted-keyword-' }[kind];
    rewriteMatches(state, words.find(state.text), (match) => {
      const key = match[0].toLowerCase();
      return this.ledger.isReplacement(kind, key) ? null : this.ledger.replace(kind, key, (n) => `${prefix}${n}`);
    });
  }
}

/** The groups of an IPv6 candidate, allowing one trailing colon of the sentence (`addr fe80::1: up`). */
function ipv6Groups(candidate: string): number[] | null {
  return parseIpv6(candidate.endsWith(':') && !candidate.endsWith('::') ? candidate.slice(0, -1) : candidate);
}

/** The canonical fake MAC rewritten in the separator style and letter case of the original. */
function fakeMacLike(canonical: string, original: string): string {
  const digits = canonical.replace(/:/g, '');
  return fakeMac(Number.parseInt(digits, 16) - 0x020000000001, original);
}
