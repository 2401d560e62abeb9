/**
 * What counts as a host or domain name, and which names are kept.
 *
 * A dotted name is a host/domain name only when it ends in a top-level domain from TLDS: a closed
 * list of common generic and country TLDs plus the names private networks use (.local, .lan, .home,
 * .internal, .corp, .localdomain). Open-ended matching would turn every `config.json` into a domain.
 * TLDs that are also common file extensions (.sh .py .md .rs .pl .in .am .ac .cc .so .app .zip .mov
 * .cat .pro .name .info .home) count only with three or more labels, so `README.md`, `Safari.app` and
 * `user.home` stay while `www.example.pl` goes. A few file names (`rc.local`, `ASP.NET`) are never names.
 */

import { AnchoredPattern } from './anchored-pattern.ts';

const TLD_WORDS = `com net org edu gov mil int info biz name io co ai dev cloud me tv cc xyz online site tech store shop
blog page news live email support services solutions systems one top club work world today space website
digital global company group agency studio design media software security
us uk de fr nl be ch at it es pt pl se no dk fi is ie eu ru ua by kz jp cn kr tw hk sg in au nz ca br mx ar cl pe ve
za tr gr hu ro bg hr si rs sk cz lt lv ee lu li il ae sa ir id my th vn ph pk ng ke eg ma tn
local lan home internal corp intranet localdomain`;

export const TLDS: ReadonlySet<string> = new Set(TLD_WORDS.split(/\s+/));

/** Also file extensions: need at least three labels to count as a name. */
const AMBIGUOUS_TLDS = new Set(['sh', 'py', 'md', 'rs', 'pl', 'in', 'am', 'ac', 'cc', 'so', 'app', 'zip', 'mov', 'cat', 'pro', 'name', 'info', 'home']);

/** Well-known file and technology names that look like domains. */
const NOT_NAMES = new Set(['rc.local', 'asp.net', 'ado.net', 'vb.net', 'system.net', 'socket.io']);

/** Private-network suffixes carry no identity themselves: `nas.local` becomes `host0.local` (`nas.acme.lan` is split like any name). */
const PRIVATE_SUFFIXES = new Set(['local', 'lan', 'home', 'internal', 'localdomain']);

/** Second-level labels under which registrations happen (co.uk, com.au, …). */
const SECOND_LEVELS = new Set(['co', 'com', 'net', 'org', 'ac', 'gov', 'edu', 'ne', 'or', 'go']);

/**
 * Public domains (and their subdomains) that say nothing about the customer: operating system and
 * browser vendors, update and certificate services, package hosts, reserved example names and our own.
 * Anything else is redacted. Names that embed an address (`ec2-1-2-3-4…`) are redacted even here.
 */
export const PUBLIC_DOMAINS: ReadonlySet<string> = new Set(
  `debian.org ubuntu.com canonical.com launchpad.net snapcraft.io kernel.org gnu.org freedesktop.org fedoraproject.org
redhat.com centos.org archlinux.org opensuse.org microsoft.com windows.com windowsupdate.com live.com msftconnecttest.com
office.com apple.com icloud.com mzstatic.com google.com googleapis.com gstatic.com chromium.org mozilla.org mozilla.net
mozilla.com firefox.com thunderbird.net github.com githubusercontent.com python.org pypi.org nodejs.org npmjs.org
npmjs.com digicert.com letsencrypt.org verisign.com globalsign.com sectigo.com w3.org ietf.org iana.org ntp.org
example.com example.net example.org steward.example`.split(/\s+/),
);

/** Host names that every stock install has; replacing them everywhere would only damage the text. */
export const GENERIC_HOSTS: ReadonlySet<string> = new Set(
  `localhost localhost.localdomain localdomain ip6-localhost ip6-loopback ip6-allnodes ip6-allrouters ip6-localnet
ip6-mcastprefix broadcasthost ubuntu debian fedora raspberrypi kali archlinux linux server host desktop laptop
computer router gateway unknown none v ver version release build rev revision firmware fw`.split(/\s+/),
);

/** Account names shared by many installs or built in; not personal, and too common to replace everywhere. Version cue words too. */
export const GENERIC_USERS: ReadonlySet<string> = new Set(
  `root admin administrator user users guest test public default shared all default user defaultuser0 ubuntu debian pi
vagrant ec2-user centos fedora nobody wdagutilityaccount v ver version release build rev revision firmware fw`.split(/\s+/),
);

/** Dotted names ending in a listed TLD; not glued to word characters, `@`, `/`-free checks happen in `isHostName`. */
export const FQDN_PATTERN = /(?<![\w@.-])(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,12}(?![\w-]|\.[A-Za-z0-9])/g;

/** Anchored at a name's first dot, which a label or the top-level domain follows. */
export const FQDN_SEARCH = new AnchoredPattern(FQDN_PATTERN, /\.(?=[A-Za-z0-9])/g, /[A-Za-z0-9-]/);

const EMBEDDED_ADDRESS = /\d{1,3}-\d{1,3}-\d{1,3}-\d{1,3}/;

export function isHostName(name: string): boolean {
  const lower = name.toLowerCase();
  if (NOT_NAMES.has(lower)) return false;
  const labels = lower.split('.');
  const tld = labels[labels.length - 1];
  if (!TLDS.has(tld)) return false;
  if (AMBIGUOUS_TLDS.has(tld) && labels.length < 3) return false;
  return labels.slice(0, -1).some((label) => /[a-z]/.test(label));
}

export function isPublicDomain(name: string): boolean {
  const lower = name.toLowerCase();
  if (EMBEDDED_ADDRESS.test(lower)) return false;
  const labels = lower.split('.');
  for (let start = 0; start < labels.length - 1; start++) {
    if (PUBLIC_DOMAINS.has(labels.slice(start).join('.'))) return true;
  }
  return false;
}

export interface NameParts {
  /** Labels before the domain ("web01", "web01.corp"), or '' for a bare domain. */
  host: string;
  domain: string;
  /** True when the domain is a private suffix such as `local` and stays as it is. */
  keepDomain: boolean;
}

/** Splits a lower-case name into host and domain: the longest known domain suffix, else the registrable domain. */
export function splitName(name: string, knownDomains: ReadonlySet<string>): NameParts {
  const labels = name.split('.');
  const longestKnown = labels.findIndex((_, start) => knownDomains.has(labels.slice(start).join('.')));
  let domainLabels = longestKnown < 0 ? 0 : labels.length - longestKnown;
  const tld = labels[labels.length - 1];
  if (domainLabels === 0 && PRIVATE_SUFFIXES.has(tld) && labels.length === 2) {
    return { host: labels.slice(0, -1).join('.'), domain: tld, keepDomain: true };
  }
  if (domainLabels === 0) {
    const secondLevel = labels.length >= 3 && tld.length === 2 && SECOND_LEVELS.has(labels[labels.length - 2]);
    domainLabels = Math.min(labels.length, secondLevel ? 3 : 2);
  }
  return { host: labels.slice(0, labels.length - domainLabels).join('.'), domain: labels.slice(-domainLabels).join('.'), keepDomain: false };
}
