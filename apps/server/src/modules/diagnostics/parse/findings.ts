import { OTHER_SECURITY_PRODUCTS, OUR_SERVICES, VENDOR_DOMAINS } from './known-names.ts';
import type { Finding, SystemFacts } from './report-model.ts';

const GB = 1024 ** 3;
const MAX_FINDINGS_PER_CODE = 20;
const PSEUDO_MOUNTS = /^\/(proc|sys|dev|run|snap)(\/|$)/;

/** Host names a hosts file maps, with the address; comments and blank lines dropped. */
export function hostsEntries(hosts: string): Array<{ address: string; name: string }> {
  const entries: Array<{ address: string; name: string }> = [];
  for (const line of hosts.split(/\r?\n/)) {
    const [address, ...names] = line.replace(/#.*/, '').trim().split(/\s+/);
    if (!address) continue;
    for (const name of names) entries.push({ address, name: name.toLowerCase().replace(/\.$/, '') });
  }
  return entries;
}

function isVendorDomain(name: string): boolean {
  return VENDOR_DOMAINS.some((domain) => name === domain || name.endsWith(`.${domain}`));
}

function hostsRedirects(facts: SystemFacts): Finding[] {
  if (facts.hosts === null) return [];
  return hostsEntries(facts.hosts)
    .filter((entry) => isVendorDomain(entry.name))
    .map((entry) => ({
      code: 'hosts-redirects-vendor',
      severity: 'critical' as const,
      title: `The hosts file redirects ${entry.name}`,
      detail: `${entry.name} is mapped to ${entry.address}, so updates or license checks cannot reach the vendor. Remove the line unless you added it on purpose.`,
    }));
}

function fullDisks(facts: SystemFacts): Finding[] {
  return facts.filesystems.flatMap((fs) => {
    // Pseudo and tiny filesystems (snaps, /dev, /run) are full by design and hold nothing to fix.
    if (!(fs.sizeBytes >= GB) || !(fs.usedBytes >= 0) || PSEUDO_MOUNTS.test(fs.mount)) return [];
    const ratio = fs.usedBytes / fs.sizeBytes;
    const free = Math.max(0, fs.sizeBytes - fs.usedBytes);
    if (ratio < 0.9 && free >= GB) return [];
    const severity = ratio >= 0.98 || free < 100 * 1024 ** 2 ? ('critical' as const) : ('warning' as const);
    return [
      {
        code: 'disk-nearly-full',
        severity,
        title: `${fs.mount} is nearly full`,
        detail: `${(ratio * 100).toFixed(1)} % used, ${(free / GB).toFixed(2)} GB free. Updates and scans need free space.`,
      },
    ];
  });
}

function otherSecurityProducts(facts: SystemFacts): Finding[] {
  const names = [...facts.software, ...facts.services.map((service) => service.name)].map((name) => ` ${name.toLowerCase()} `);
  return OTHER_SECURITY_PRODUCTS.flatMap((product) => {
    const seen = names.find((name) => product.patterns.some((pattern) => name.includes(pattern)));
    if (!seen) return [];
    return [
      {
        code: 'conflicting-security-product',
        severity: product.builtIn ? ('info' as const) : ('warning' as const),
        title: `${product.name} is installed`,
        detail: product.builtIn
          ? `${product.name} is built into the system and steps aside when our protection is active (found: ${seen.trim()}).`
          : `Two real-time scanners slow the computer down and can block each other; uninstall ${product.name} (found: ${seen.trim()}).`,
      },
    ];
  });
}

function versionParts(text: string): number[] {
  const match = /(\d+)(?:\.(\d+))?/.exec(text);
  return match ? [Number(match[1]), Number(match[2] ?? 0)] : [];
}

function isOlder(version: number[], major: number, minor = 0): boolean {
  if (version.length === 0) return false;
  return version[0] < major || (version[0] === major && version[1] < minor);
}

/** Linux distributions whose releases below the given version get no more security updates. */
const EOL_DISTRIBUTIONS: Array<{ pattern: RegExp; major: number; minor?: number }> = [
  { pattern: /debian/i, major: 12 },
  { pattern: /ubuntu/i, major: 22, minor: 4 },
  { pattern: /red hat|rhel/i, major: 8 },
  { pattern: /fedora/i, major: 41 },
  { pattern: /opensuse leap/i, major: 15, minor: 6 },
];

function osProblem(facts: SystemFacts): string | null {
  const name = `${facts.osName} ${facts.osVersion}`;
  if (facts.platform === 'windows') {
    if (/windows\s+(xp|vista|7|8(\.1)?)\b/i.test(facts.osName) || isOlder(versionParts(facts.osVersion), 10)) return `${name} is older than Windows 10`;
    return null;
  }
  if (facts.platform === 'darwin') return isOlder(versionParts(facts.osVersion), 12) ? `${name} is older than macOS 12` : null;
  if (facts.platform !== 'linux') return null;
  if (isOlder(versionParts(facts.kernel), 4, 19)) return `kernel ${facts.kernel} is older than 4.19`;
  if (/centos(?! stream (9|10))/i.test(facts.osName)) return `${name} no longer gets security updates`;
  const eol = EOL_DISTRIBUTIONS.find((entry) => entry.pattern.test(facts.osName));
  if (eol && isOlder(versionParts(facts.osVersion), eol.major, eol.minor)) return `${name} no longer gets security updates`;
  return null;
}

function unsupportedOs(facts: SystemFacts): Finding[] {
  const problem = osProblem(facts);
  if (!problem) return [];
  return [{ code: 'unsupported-os', severity: 'warning', title: 'The operating system is not supported', detail: `${problem}; upgrade it to stay protected.` }];
}

function isOurs(name: string): boolean {
  const base = name.toLowerCase().replace(/\.service$/, '');
  return (OUR_SERVICES as readonly string[]).includes(base);
}

function stoppedServices(facts: SystemFacts): Finding[] {
  return facts.services
    .filter((service) => !service.running && (isOurs(service.name) || service.autoStart === true))
    .map((service) => ({
      code: 'stopped-service',
      severity: isOurs(service.name) ? ('critical' as const) : ('warning' as const),
      title: `${service.name} is not running`,
      detail: isOurs(service.name)
        ? 'The protection service is stopped, so the computer is not protected. Start it again or reinstall the product.'
        : 'This service is set to start automatically but is not running.',
    }));
}

const SEVERITY_ORDER = { critical: 0, warning: 1, info: 2 } as const;

/** Every finding about the computer, worst first, at most a few of each kind. */
export function findingsOf(facts: SystemFacts): Finding[] {
  const groups = [hostsRedirects, fullDisks, otherSecurityProducts, unsupportedOs, stoppedServices].map((check) =>
    check(facts).slice(0, MAX_FINDINGS_PER_CODE),
  );
  return groups.flat().sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}
