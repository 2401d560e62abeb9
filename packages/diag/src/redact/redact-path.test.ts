import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readBundle } from '../bundle/read-bundle.ts';
import { createStaging, removeStaging, stageFile, writeBundle } from '../bundle/write-bundle.ts';
import { emptyIdentities, type Identities } from './identities.ts';
import { redactPath } from './redact-path.ts';

const SYSLOG = `Nov 23 12:34:56 web01 sshd[812]: Accepted publickey for alice from 192.168.1.23 port 51234 ssh2: ED25519 SHA256:abc
Nov 23 12:34:57 web01 NetworkManager[640]: <info> dhcp4 (eth0): address 192.168.1.50 netmask 255.255.255.0 gateway 192.168.1.1
Nov 23 12:34:58 web01 kernel: [ 1.234567] e1000e 0000:00:1f.6 eth0: (PCI Express:2.5GT/s:Width x1) 00:1a:2b:3c:4d:5e
Nov 23 12:35:00 web01 avahi-daemon[600]: Registered address fe80::21a:2bff:fe3c:4d5e on eth0 and 2001:db8:42::7
Nov 23 12:35:01 web01 postfix/smtp[999]: to=<alice.smith@acme-corp.com>, relay=mail.acme-corp.com[203.0.113.9]:25
Nov 23 12:35:02 web01 backup[1000]: project Falcon copied /home/alice/Documents/falcon-plan.odt to nas.corp.acme-corp.com
Nov 23 12:35:03 web01 kernel: Linux version 5.15.0-91-generic (buildd@lcy02-amd64-045) gcc 11.4.0; loaded libc.so.6
Nov 23 12:35:04 web01 systemd[1]: Started app 1.2.3 at 12:34:56 listening on 127.0.0.1:8080 and [::1]:8080
`;

const CONFIG = `# /etc/steward/app.conf
server = 192.168.1.23
peer = 192.168.1.77
dns = fe80::21a:2bff:fe3c:4d5e
mac = 00-1A-2B-3C-4D-5E
admin_email = alice.smith@acme-corp.com
share = \\\\nas.corp.acme-corp.com\\falcon
updates = https://security.debian.org/ and https://update.steward.example/
home = C:\\Users\\alice\\AppData\\Roaming\\Steward
`;

const SECRETS = ['alice', '192.168.1', '203.0.113.9', '00:1a:2b', '00-1A-2B', 'fe80::21a', '2001:db8:42', 'acme', 'web01', 'Falcon', 'falcon'];
const KEPT = [
  '255.255.255.0',
  '5.15.0-91-generic',
  'gcc 11.4.0',
  'app 1.2.3',
  '12:34:56',
  'libc.so.6',
  '127.0.0.1:8080',
  '[::1]:8080',
  'security.debian.org',
  'update.steward.example',
];

/** Distinct letters-only names (`pma`, `pmb`, …): none looks like a replacement (`user12`) or a stock name. */
function letterName(prefix: string, n: number): string {
  return prefix + [...n.toString(26)].map((digit) => String.fromCharCode(97 + Number.parseInt(digit, 26))).join('');
}

async function wordsUnder(root: string): Promise<Set<string>> {
  const words = new Set<string>();
  for (const path of Object.keys(await tree(root))) for (const word of (await readFile(join(root, path), 'utf8')).split(/[^\p{L}\p{N}]+/u)) words.add(word);
  return words;
}

function system(): Identities {
  const found = emptyIdentities();
  found.hosts.add('web01');
  found.domains.add('corp.acme-corp.com');
  return found;
}

async function tree(root: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    result[path.slice(root.length + 1)] = createHash('sha256')
      .update(await readFile(path))
      .digest('hex');
  }
  return result;
}

let dir: string;
let input: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'redact-path-'));
  input = join(dir, 'collected');
  await mkdir(join(input, 'logs'), { recursive: true });
  await mkdir(join(input, 'config'), { recursive: true });
  await writeFile(join(input, 'logs', 'syslog'), SYSLOG);
  await writeFile(join(input, 'config', 'app.conf'), CONFIG);
  await writeFile(join(input, 'logs', 'alice-web01.log'), 'session of alice on web01\n');
  await writeFile(join(input, 'core.dmp'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2]));
  await symlink('/etc/passwd', join(input, 'passwd-link'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('redactPath on a folder', () => {
  it('[DIAG-8] replaces every planted identifier in all files, consistently, and keeps non-identifiers', async () => {
    const result = await redactPath({ input, keywords: ['falcon'], system: system() });
    expect(result.out).toBe(`${input}-redacted`);
    const syslog = await readFile(join(result.out, 'logs', 'syslog'), 'utf8');
    const config = await readFile(join(result.out, 'config', 'app.conf'), 'utf8');
    for (const secret of SECRETS) {
      expect(syslog, secret).not.toContain(secret);
      expect(config, secret).not.toContain(secret);
    }
    for (const kept of KEPT) expect(`${syslog}${config}`, kept).toContain(kept);
    const syslogAddress = syslog.match(/for user0 from (240\.0\.0\.23) port/)?.[1];
    expect(syslogAddress).toBeDefined();
    expect(config).toContain(`server = ${syslogAddress}`);
    expect(config).toContain('peer = 240.0.0.77');
    const email = syslog.match(/to=<([^>]+)>/)?.[1] as string;
    expect(email).toMatch(/^email0@domain\d\.invalid$/);
    expect(config).toContain(`admin_email = ${email}`);
    const mac = syslog.match(/(02:00:00:00:00:\d\d)/)?.[1] as string;
    expect(config).toContain(`mac = ${mac.replace(/:/g, '-')}`);
    const v6 = syslog.match(/Registered address (\S+) on/)?.[1] as string;
    expect(config).toContain(`dns = ${v6}`);
    expect(config).toContain('C:\\Users\\user0\\AppData');
    expect(syslog).toContain('/home/user0/Documents/redacted-keyword-0-plan.odt');
  });

  it('[DIAG-8] redacts file names, leaves binaries and links out, and never changes the input', async () => {
    const before = await tree(input);
    const result = await redactPath({ input, system: system() });
    expect(await tree(input)).toEqual(before);
    expect(Object.keys(await tree(result.out)).sort()).toEqual(['config/app.conf', 'logs/syslog', expect.stringMatching(/^logs\/user0-host\d\.log$/)]);
    expect(result.skipped).toEqual(
      expect.arrayContaining([
        { path: 'core.dmp', reason: 'binary' },
        { path: 'passwd-link', reason: 'symbolic link' },
      ]),
    );
    for (const path of Object.keys(await tree(result.out))) expect((await stat(join(result.out, path))).mode & 0o777).toBe(0o600);
    expect((await stat(result.out)).mode & 0o777).toBe(0o700);
  });

  it('[DIAG-8] keeps the map private (0600) beside the output, never inside it, and reuses it', async () => {
    const first = await redactPath({ input, keywords: ['falcon'], system: system() });
    expect(first.mapPath).toBe(`${input}-redacted.redaction-map.json`);
    expect((await stat(first.mapPath)).mode & 0o777).toBe(0o600);
    expect(JSON.stringify(await tree(first.out))).not.toContain('redaction-map');
    const map = JSON.parse(await readFile(first.mapPath, 'utf8'));
    expect(map.entries.ipv4['192.168.1.23']).toBe('240.0.0.23');

    const later = join(dir, 'later');
    await mkdir(later);
    await writeFile(join(later, 'note.txt'), 'alice wrote from 192.168.1.23 and 10.0.0.9 about Falcon; mac 00:1a:2b:3c:4d:5e\n');
    const second = await redactPath({ input: later, mapPath: first.mapPath, system: emptyIdentities() });
    expect(second.mapExisted).toBe(true);
    const note = await readFile(join(second.out, 'note.txt'), 'utf8');
    const firstSyslog = await readFile(join(first.out, 'logs', 'syslog'), 'utf8');
    const mac = firstSyslog.match(/(02:00:00:00:00:\d\d)/)?.[1];
    expect(note).toBe(`user0 wrote from 240.0.0.23 and 240.0.1.9 about redacted-keyword-0; mac ${mac}\n`);
  });

  it('[DIAG-8] counts distinct values and replacements per kind', async () => {
    const small = join(dir, 'small');
    await mkdir(small);
    await writeFile(join(small, 'a.log'), 'from 10.1.1.1 to 10.1.1.2 via 10.1.1.1; bob@acme-corp.com; Secret\n');
    await writeFile(join(small, 'b.log'), 'again 10.1.1.1 and secret, mac aa:bb:cc:dd:ee:01 at /home/carol/x\n');
    const { counts } = await redactPath({ input: small, keywords: ['secret'], system: emptyIdentities() });
    expect(counts).toEqual({
      ipv4: { distinct: 2, replacements: 4 },
      ipv6: { distinct: 0, replacements: 0 },
      mac: { distinct: 1, replacements: 1 },
      email: { distinct: 1, replacements: 1 },
      hostname: { distinct: 0, replacements: 0 },
      domain: { distinct: 1, replacements: 1 },
      user: { distinct: 1, replacements: 1 },
      keyword: { distinct: 1, replacements: 2 },
    });
  });

  it('[DIAG-8] redacts a large folder with thousands of discovered names in linear time', async () => {
    const users = Array.from({ length: 3000 }, (_, n) => letterName('pm', n));
    const hosts = Array.from({ length: 3000 }, (_, n) => letterName('hq', n));
    const servers = Array.from({ length: 1000 }, (_, n) => `${letterName('sv', n)}.lab.acme.priv`);
    const large = join(dir, 'large');
    await mkdir(join(large, 'etc'), { recursive: true });
    await mkdir(join(large, 'logs'));
    // Each name is learnt from one file and must be replaced in the others, where nothing marks it as a name.
    await writeFile(join(large, 'etc', 'hosts'), [...hosts, ...servers].map((name, n) => `10.9.${n >> 8}.${n & 255}\t${name}`).join('\n'));
    await writeFile(join(large, 'etc', 'resolv.conf'), 'search lab.acme.priv\n');
    await writeFile(join(large, 'homes.txt'), users.map((user) => `/home/${user}/.profile`).join('\n'));
    for (let file = 0; file < 100; file++) {
      const lines: string[] = [];
      for (let n = file; n < users.length; n += 100) lines.push(`session of ${users[n]} on ${hosts[n]} to ${servers[n % servers.length]} ok`);
      await writeFile(join(large, 'logs', `part-${file}.log`), `${lines.join('\n')}\n`);
    }
    const result = await redactPath({ input: large, system: emptyIdentities() });
    expect(result.files).toBe(103);
    const words = await wordsUnder(result.out);
    const planted = [...users, ...hosts, ...servers.map((server) => server.split('.')[0]), 'acme'];
    expect(planted.filter((name) => words.has(name))).toEqual([]);
    expect(result.counts.user.distinct).toBe(users.length);
    expect(result.counts.hostname.distinct).toBe(hosts.length + servers.length);
    expect(result.counts.domain.distinct).toBe(1);
    const map = JSON.parse(await readFile(result.mapPath, 'utf8'));
    const log = await readFile(join(result.out, 'logs', 'part-7.log'), 'utf8');
    expect(log).toContain(`session of ${map.entries.user[users[7]]} on ${map.entries.hostname[hosts[7]]} to `);
  }, 60_000);

  it.skipIf(process.platform === 'win32')(
    '[DIAG-8] writes files whose names hold a backslash or a drive-like prefix, and leaves out over-long paths',
    async () => {
      const odd = join(dir, 'odd');
      const long = `${'d'.repeat(200)}/${'e'.repeat(200)}`;
      await mkdir(join(odd, 'units'), { recursive: true });
      await mkdir(join(odd, long), { recursive: true });
      await writeFile(join(odd, 'units', 'system-systemd\\x2dcryptsetup.slice'), '[Unit]\n');
      await writeFile(join(odd, 'c:notes'), 'note\n');
      await writeFile(join(odd, long, 'f'.repeat(150)), 'long\n');
      const result = await redactPath({ input: odd, system: emptyIdentities() });
      expect(Object.keys(await tree(result.out)).sort()).toEqual(['c%3Anotes', 'units/system-systemd%5Cx2dcryptsetup.slice']);
      expect(result.skipped).toEqual([{ path: `${long}/${'f'.repeat(150)}`, reason: 'path too long' }]);
    },
  );

  it('[DIAG-8] refuses a map inside the output or the input, and an existing output', async () => {
    await expect(redactPath({ input, out: join(dir, 'out'), mapPath: join(dir, 'out', 'map.json'), system: system() })).rejects.toThrow(/outside/);
    await expect(redactPath({ input, mapPath: join(input, 'map.json'), system: system() })).rejects.toThrow(/outside/);
    await mkdir(join(dir, 'taken'));
    await expect(redactPath({ input, out: join(dir, 'taken'), system: system() })).rejects.toThrow(/already exists/);
  });
});

describe('redactPath on a bundle', () => {
  it('[DIAG-8] writes a readable redacted bundle with recomputed sha256 values and redaction counts', async () => {
    const staging = await createStaging();
    try {
      await stageFile(staging, 'logs', 'syslog', SYSLOG);
      await stageFile(staging, 'config', 'app.conf', CONFIG);
      await stageFile(staging, 'logs', 'alice.log', 'alice was here\n');
      const { path } = await writeBundle({ staging, outDir: dir, tool: { name: 'steward-diag', version: '0.0.0' }, now: new Date('2026-11-23T12:00:00Z') });
      const original = await readFile(path);
      const result = await redactPath({ input: path, keywords: ['falcon'], system: system() });
      expect(result.out).toBe(path.replace(/\.tar\.gz$/, '-redacted.tar.gz'));
      expect(await readFile(path)).toEqual(original);
      expect((await stat(result.out)).mode & 0o777).toBe(0o600);
      const { manifest, files } = await readBundle(result.out);
      expect(manifest.files.map((file) => file.path).sort()).toEqual(['config/app.conf', 'logs/syslog', 'logs/user0.log']);
      expect(manifest.redacted?.kinds.ipv4).toBe(result.counts.ipv4.replacements);
      expect(manifest.redacted?.kinds.user).toBeGreaterThan(0);
      const text = [...files.values()].map((data) => data.toString('utf8')).join('\n');
      for (const secret of SECRETS) expect(text, secret).not.toContain(secret);
    } finally {
      await removeStaging(staging);
    }
  });
});
