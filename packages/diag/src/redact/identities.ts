import { readFile } from 'node:fs/promises';
import { hostname, userInfo } from 'node:os';
import { join } from 'node:path';
import { GENERIC_HOSTS, GENERIC_USERS } from './names.ts';

/** Names known to belong to this computer or its people; every one is replaced wherever it appears. */
export interface Identities {
  users: Set<string>;
  /** Short names and FQDNs. */
  hosts: Set<string>;
  /** DNS domains (resolv.conf `search`/`domain`, the host's own domain). */
  domains: Set<string>;
}

export function emptyIdentities(): Identities {
  return { users: new Set(), hosts: new Set(), domains: new Set() };
}

export function mergeIdentities(target: Identities, source: Identities): Identities {
  for (const key of ['users', 'hosts', 'domains'] as const) for (const value of source[key]) target[key].add(value);
  return target;
}

export function isPersonalUser(name: string): boolean {
  return name.length > 0 && !GENERIC_USERS.has(name.toLowerCase());
}

export function isSpecificHost(name: string): boolean {
  return name.length > 0 && !GENERIC_HOSTS.has(name.toLowerCase());
}

const NAME_CHARS = String.raw`[^\\/\s:;"'*?<>|,=@()[\]{}]+`;

/**
 * `/home/<name>`, `/Users/<name>`, `C:\Users\<name>` (also JSON-escaped `C:\\Users\\` and forward slashes).
 * A Windows name may hold spaces only when a separator follows, so a sentence after a path is not swallowed.
 */
export const HOME_PATH_PATTERN = new RegExp(
  String.raw`(?:/home/|/Users/|(?<![A-Za-z])[A-Za-z]:(?:\\{1,2}|/)Users(?:\\{1,2}|/))(${NAME_CHARS}(?: ${NAME_CHARS})*(?=[\\/])|${NAME_CHARS})`,
  'g',
);

const NOT_A_SHELL = /(?:nologin|false|sync|shutdown|halt)$/;

/** Human accounts: uid 1000–65533 with a login shell, plus their full names from the comment field. */
export function parsePasswd(text: string): Identities {
  const found = emptyIdentities();
  for (const line of text.split('\n')) {
    const [name, , uid, , gecos = '', , shell = ''] = line.trim().split(':');
    const id = Number(uid);
    if (!name || !Number.isInteger(id) || id < 1000 || id >= 65_534 || NOT_A_SHELL.test(shell.trim())) continue;
    if (isPersonalUser(name)) found.users.add(name);
    const fullName = gecos.split(',')[0].trim();
    if (fullName.length >= 3 && /\p{L}/u.test(fullName) && fullName !== name) found.users.add(fullName);
  }
  return found;
}

/** Every name in a hosts file except the stock localhost entries. */
export function parseHosts(text: string): Identities {
  const found = emptyIdentities();
  for (const line of text.split('\n')) {
    const [, ...names] = line.replace(/#.*/, '').trim().split(/\s+/);
    for (const name of names) if (isSpecificHost(name) && /^[A-Za-z0-9.-]+$/.test(name)) found.hosts.add(name);
  }
  return found;
}

export function parseHostname(text: string): Identities {
  const found = emptyIdentities();
  const name = text.trim().split(/\s+/)[0] ?? '';
  if (!/^[A-Za-z0-9.-]+$/.test(name) || !isSpecificHost(name)) return found;
  found.hosts.add(name);
  const dot = name.indexOf('.');
  if (dot > 0) {
    found.hosts.add(name.slice(0, dot));
    found.domains.add(name.slice(dot + 1));
  }
  return found;
}

/** `search` and `domain` lines; single-label suffixes (`lan`, `home`) identify nobody. */
export function parseResolvConf(text: string): Identities {
  const found = emptyIdentities();
  for (const line of text.split('\n')) {
    const [keyword, ...values] = line.trim().split(/\s+/);
    if (keyword !== 'search' && keyword !== 'domain') continue;
    for (const value of values) {
      const domain = value.replace(/\.$/, '');
      if (domain.includes('.') && /^[A-Za-z0-9.-]+$/.test(domain)) found.domains.add(domain);
    }
  }
  return found;
}

const HOST_KEY = /\b(?:hostname|host_name|fqdn|computername|computer_name|nodename|node_name)["']?\s*[:=]\s*["']?([A-Za-z0-9][A-Za-z0-9.-]{0,253})/gi;

/** The host field of syslog (`Nov 23 12:34:56 web01 sshd[1]:`) and ISO-stamped journal lines, tried at a line's start. */
const LOG_HOST = /(?:[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d|\d{4}-\d\d-\d\dT[\d:.]+(?:Z|[+-][\d:]+)?) ([A-Za-z0-9][A-Za-z0-9.-]{0,62}) [\w./@-]+(?:\[\d+\])?:/y;

/**
 * LOG_HOST at each line that opens with a capital or a digit. V8 tries a multiline `^` pattern at every
 * position of the text; jumping from newline to newline tries it only where a line starts.
 */
function logHostMatches(text: string): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  for (let start = 0; start < text.length; ) {
    const code = text.charCodeAt(start);
    if ((code >= 65 && code <= 90) || (code >= 48 && code <= 57)) {
      LOG_HOST.lastIndex = start;
      const match = LOG_HOST.exec(text);
      if (match !== null) found.push(match);
    }
    const newline = text.indexOf('\n', start);
    if (newline === -1) break;
    start = newline + 1;
  }
  return found;
}

/** Whether HOME_PATH_PATTERN can match at all: a plain substring search is far quicker than the pattern over a text without one. */
export function mayHoldHomePath(text: string): boolean {
  return text.includes('/home/') || text.includes('Users');
}

/** Names a collected file reveals about its own computer: home-path users, `hostname: x`-style values and log host fields. */
export function scanText(text: string): Identities {
  const found = emptyIdentities();
  if (mayHoldHomePath(text)) for (const match of text.matchAll(HOME_PATH_PATTERN)) if (isPersonalUser(match[1])) found.users.add(match[1]);
  for (const match of [...text.matchAll(HOST_KEY), ...logHostMatches(text)]) {
    const name = match[1].replace(/\.$/, '');
    if (isSpecificHost(name) && /[A-Za-z]/.test(name)) mergeIdentities(found, parseHostname(name));
  }
  return found;
}

/** Parses a file by its name when it is one of the identity files (passwd, hosts, hostname, resolv.conf), else scans it. */
export function identitiesInFile(fileName: string, text: string): Identities {
  const found = scanText(text);
  const base = fileName.toLowerCase().replace(/\.txt$/, '');
  if (base === 'passwd') mergeIdentities(found, parsePasswd(text));
  if (base === 'hosts') mergeIdentities(found, parseHosts(text));
  if (base === 'hostname') mergeIdentities(found, parseHostname(text));
  if (base === 'resolv.conf') mergeIdentities(found, parseResolvConf(text));
  return found;
}

async function readOptional(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return '';
  }
}

/** This computer's own accounts, names and DNS domains; `root` lets tests point at a fake /etc. */
export async function systemIdentities(root = '/'): Promise<Identities> {
  const found = emptyIdentities();
  const etc = (name: string) => readOptional(join(root, 'etc', name));
  mergeIdentities(found, parsePasswd(await etc('passwd')));
  mergeIdentities(found, parseHosts(await etc('hosts')));
  mergeIdentities(found, parseHostname(await etc('hostname')));
  mergeIdentities(found, parseResolvConf(await etc('resolv.conf')));
  if (process.platform === 'win32') mergeIdentities(found, parseHosts(await readOptional('C:\\Windows\\System32\\drivers\\etc\\hosts')));
  if (root === '/') {
    mergeIdentities(found, parseHostname(hostname()));
    const user = safeUserName();
    if (user && isPersonalUser(user)) found.users.add(user);
  }
  return found;
}

function safeUserName(): string | null {
  try {
    return userInfo().username;
  } catch {
    return null;
  }
}
