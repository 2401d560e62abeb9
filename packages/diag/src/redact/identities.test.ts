import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { identitiesInFile, scanText, systemIdentities } from './identities.ts';

describe('identities', () => {
  it("[DIAG-8] reads human accounts, host names and DNS domains from the computer's own files", async () => {
    const root = await mkdtemp(join(tmpdir(), 'identities-'));
    try {
      await mkdir(join(root, 'etc'));
      await writeFile(
        join(root, 'etc', 'passwd'),
        [
          'root:x:0:0:root:/root:/bin/bash',
          'daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin',
          'alice:x:1000:1000:Alice Smith,,,:/home/alice:/bin/bash',
          'svc:x:1001:1001::/srv:/usr/sbin/nologin',
          'nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin',
        ].join('\n'),
      );
      await writeFile(join(root, 'etc', 'hosts'), '127.0.0.1 localhost\n127.0.1.1 web01.acme-corp.com web01\n# 10.0.0.9 old\n::1 ip6-localhost ip6-loopback\n');
      await writeFile(join(root, 'etc', 'hostname'), 'web01\n');
      await writeFile(join(root, 'etc', 'resolv.conf'), 'nameserver 10.0.0.53\nsearch corp.acme-corp.com lan\n');
      const found = await systemIdentities(root);
      expect([...found.users].sort()).toEqual(['Alice Smith', 'alice']);
      expect([...found.hosts].sort()).toEqual(['web01', 'web01.acme-corp.com']);
      expect([...found.domains]).toEqual(['corp.acme-corp.com']);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('[DIAG-8] finds users in home paths and host names in collected files', () => {
    const found = scanText(
      'open /home/carol/x and C:\\Users\\Dave Jones\\Desktop and /Users/Shared/y\nNov  3 01:02:03 lab-pc cron[1]: ok\n"hostname": "build7"',
    );
    expect([...found.users].sort()).toEqual(['Dave Jones', 'carol']);
    expect([...found.hosts].sort()).toEqual(['build7', 'lab-pc']);
    expect([...identitiesInFile('hosts', '192.168.1.5 printer.home.arpa printer\n').hosts].sort()).toEqual(['printer', 'printer.home.arpa']);
  });
});
