import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyIdentities, type Identities } from './identities.ts';
import { emptyRedactionMap, RedactionLedger } from './redaction-map.ts';
import { Redactor } from './redactor.ts';

function identities(partial: Partial<Record<keyof Identities, string[]>> = {}): Identities {
  const found = emptyIdentities();
  for (const key of ['users', 'hosts', 'domains'] as const) for (const value of partial[key] ?? []) found[key].add(value);
  return found;
}

function redactor(partial: Partial<Record<keyof Identities, string[]>> = {}, keywords: string[] = []) {
  const ledger = new RedactionLedger(emptyRedactionMap());
  return { ledger, redactor: new Redactor(ledger, identities(partial), keywords) };
}

describe('Redactor', () => {
  it('[DIAG-8] replaces planted IPv4, IPv6, MAC, email, host, domain, user and keyword values', () => {
    const { redactor: r } = redactor({ users: ['alice'], hosts: ['web01'], domains: ['corp.acme.example.net'] }, ['Falcon']);
    const planted = [
      'Accepted publickey for alice from 192.168.1.23 port 51234 ssh2',
      'inet6 fe80::21a:2bff:fe3c:4d5e/64 scope link; global 2001:db8:85a3:0000:0000:8a2e:0370:7334',
      'link/ether 00:1a:2b:3c:4d:5e brd ff:ff:ff:ff:ff:ff; Physical Address. . . : 00-15-5D-01-02-03; cisco 0011.2233.4455',
      'From: Alice Smith <alice.smith@acme-corp.com>',
      'resolving db01.acme-corp.com, fileserver.corp.acme.example.net and Alices-MacBook-Pro.local',
      'web01 systemd[1]: Started Falcon agent for project falcon',
    ].join('\n');
    const out = r.redact(planted);
    for (const secret of [
      'alice',
      '192.168.1.23',
      'fe80::21a',
      '2001:db8:85a3',
      '00:1a:2b',
      '00-15-5D',
      '0011.2233',
      'acme',
      'db01',
      'fileserver',
      'Alices-MacBook',
      'web01',
      'Falcon',
      'falcon',
    ]) {
      expect(out, secret).not.toContain(secret);
    }
    expect(out).toContain('for user0 from 240.0.0.23 port 51234');
    expect(out).toContain('brd ff:ff:ff:ff:ff:ff');
    expect(out).toMatch(/Physical Address\. \. \. : 02-00-00-00-00-0\d/);
    expect(out).toMatch(/<email0@domain\d\.invalid>/);
    expect(out).toMatch(/ host\d\.local\n/);
    expect(out).toContain('Started redacted-keyword-0 agent for project redacted-keyword-0');
  });

  it('[DIAG-8] keeps versions, times, file names, loopback, netmasks and public vendor domains', () => {
    const { redactor: r, ledger } = redactor({ users: ['alice'], hosts: ['web01'] });
    const kept = [
      'Linux 5.15.0-91-generic #101-Ubuntu SMP x86_64; openssl 1.1.1w; node 1.2.3',
      'Nov 23 12:34:56 kernel: clock 12:34:56.789 uptime 01:02:03',
      'loaded libc.so.6 libssl.so.3 from config.json and README.md, run install.sh, main.py, rc.local',
      'listen 127.0.0.1:8080 and 0.0.0.0:22 and [::1]:53 and [::]:80; netmask 255.255.255.0 broadcast 255.255.255.255',
      'version 1.2.3.4; Version=4.0.0.0; package libfoo-1.2.3.4; mdns 224.0.0.251 ff02::fb',
      'updates from security.debian.org, archive.ubuntu.com, download.microsoft.com, update.steward.example',
      'std::vector<int> Foo::bar() PCI 0000:00:1f.3 user.home=/root java.home os.name',
    ].join('\n');
    expect(r.redact(kept)).toBe(kept);
    expect(Object.values(ledger.counts()).every((count) => count.replacements === 0)).toBe(true);
  });

  it('[DIAG-8] gives one value the same replacement everywhere, whatever its spelling', () => {
    const { redactor: r } = redactor();
    const out = r.redact('a 2001:DB8::1 b 2001:db8:0:0:0:0:0:1 c 00:1A:2B:3C:4D:5E d 00-1a-2b-3c-4d-5e e WEB9.Acme-Corp.com f web9.acme-corp.com');
    const [, v6a, v6b, macColon, macDash, hostA, hostB] = out.split(/ [a-f] /).flatMap((part) => part.split(' '));
    expect(v6a).toBe(v6b);
    expect(macColon.replace(/:/g, '-').toLowerCase()).toBe(macDash.toLowerCase());
    expect(macDash).toMatch(/^02-00-00-/);
    expect(hostA).toBe(hostB);
  });

  it('[DIAG-8] keeps the /24 structure and address class of IPv4 addresses', () => {
    const { redactor: r } = redactor();
    const out = r.redact('10.1.2.3 10.1.2.200 10.1.3.3 169.254.9.9 100.64.1.1 8.8.4.4');
    expect(out.split(' ')).toEqual(['240.0.0.3', '240.0.0.200', '240.0.1.3', '241.0.0.9', '242.0.0.1', '243.0.0.4']);
  });

  it('[DIAG-8] keeps IPv6 networks together in the fd53:7465:7761::/48 range', () => {
    const { redactor: r } = redactor();
    const [a, b, c] = r.redact('2001:db8:1:2::10 2001:db8:1:2::11 2001:db8:9:9::10').split(' ');
    expect(a.split('::')[0]).toBe(b.split('::')[0]);
    expect(a.split('::')[0]).not.toBe(c.split('::')[0]);
    for (const value of [a, b, c]) expect(value.startsWith('fd53:7465:7761:')).toBe(true);
  });

  it('[DIAG-8] replaces user names in Linux, macOS and Windows home paths, even unlisted ones', () => {
    const { redactor: r, ledger } = redactor();
    const out = r.redact('/home/carol/.config C:\\Users\\Dave Jones\\AppData C:\\\\Users\\\\erin\\\\x /Users/frank/Library /home/ubuntu/x');
    expect(out).toBe('/home/user0/.config C:\\Users\\user1\\AppData C:\\\\Users\\\\user2\\\\x /Users/user3/Library /home/ubuntu/x');
    expect(ledger.counts().user).toEqual({ distinct: 4, replacements: 4 });
  });

  it('[DIAG-8] matches keywords and names as whole words only, case-insensitively', () => {
    const { redactor: r } = redactor({ users: ['alice'] }, ['acme']);
    expect(r.redact('ALICE alice_backup alice-pc malice Acme acmeish')).toBe('user0 user0_backup user0-pc malice redacted-keyword-0 acmeish');
  });

  it('[DIAG-8] counts distinct values and replacements per kind', () => {
    const { redactor: r, ledger } = redactor({}, ['secret']);
    r.redact('10.0.0.1 10.0.0.1 10.0.0.2 secret x@acme-corp.com');
    r.redact('10.0.0.1 SECRET');
    const counts = ledger.counts();
    expect(counts.ipv4).toEqual({ distinct: 2, replacements: 4 });
    expect(counts.keyword).toEqual({ distinct: 1, replacements: 2 });
    expect(counts.email).toEqual({ distinct: 1, replacements: 1 });
    expect(counts.domain).toEqual({ distinct: 1, replacements: 1 });
  });

  it('[DIAG-8] reuses a map: the same values get the same replacements in a later run', () => {
    const first = redactor({ users: ['alice'] }, ['falcon']);
    const text = 'alice 10.9.8.7 aa:bb:cc:dd:ee:01 db.acme-corp.com bob@acme-corp.com falcon';
    const once = first.redactor.redact(text);
    const second = new Redactor(new RedactionLedger(structuredClone(first.ledger.map)), identities());
    expect(second.redact(`new 10.9.8.6 then ${text}`)).toBe(`new 240.0.0.6 then ${once}`);
  });

  it('[DIAG-8] never throws on arbitrary text and finds no new addresses or emails in its own output', () => {
    const pieces = fc.constantFrom(
      '10.0.0.1',
      '192.168.0.7',
      'fe80::1',
      '2001:db8::5',
      '00:11:22:33:44:55',
      'a@b.com',
      '::',
      ':',
      '.',
      '-',
      '@',
      ' ',
      '/home/x',
      'AA-BB-CC-DD-EE-0F',
      '::ffff:',
      'x.acme.com',
      'nas.local',
      'web01',
      'bob',
      'kw',
      'host0',
      'user0',
      'version ',
      'C:\\Users\\',
      '/Users/',
    );
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.array(fc.oneof(pieces, fc.string({ maxLength: 4 })), { maxLength: 30 }).map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(text, (input) => {
        const { redactor: r, ledger } = redactor({ users: ['bob'], hosts: ['web01'] }, ['kw']);
        const once = r.redact(input);
        const before = ledger.counts();
        const twice = r.redact(once);
        const after = ledger.counts();
        for (const kind of ['ipv4', 'ipv6', 'mac', 'email'] as const) expect(after[kind].replacements).toBe(before[kind].replacements);
        expect(twice).toBe(once);
      }),
      { numRuns: 1000 },
    );
  });
});
