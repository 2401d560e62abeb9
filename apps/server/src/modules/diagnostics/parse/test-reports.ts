import { createHash } from 'node:crypto';
import { BUNDLE_FORMAT } from '@steward/diag';
import { type RawEntry, rawTarGz } from '@steward/diag/test-tar';

const sha = (data: string) => createHash('sha256').update(data).digest('hex');

/** A steward-diag bundle with these files, as the collector on `platform` would write it. */
export function bundleOf(files: Record<string, string>, platform = 'linux'): Buffer {
  const manifest = {
    format: BUNDLE_FORMAT,
    createdAt: '2026-11-23T12:00:00.000Z',
    tool: { name: 'steward-diag', version: 'test' },
    host: { platform, release: 'test' },
    files: Object.entries(files).map(([path, data]) => ({ path, section: path.split('/')[0], sha256: sha(data), bytes: Buffer.byteLength(data) })),
  };
  return rawTarGz([{ path: 'manifest.json', data: JSON.stringify(manifest) }, ...Object.entries(files).map(([path, data]) => ({ path, data }))]);
}

/** A pax extended header record, "<length> key=value\n", whose length counts itself. */
function paxRecord(key: string, value: string): string {
  const body = ` ${key}=${value}\n`;
  let length = body.length + 1;
  while (String(length).length + body.length !== length) length = String(length).length + body.length;
  return `${length}${body}`;
}

/**
 * A sos report (.tar.gz) as Python's tarfile writes it: a pax header first, the top folder, the
 * shortcut links sos makes, a systemd file name with a backslash, then the files given.
 */
export function sosReportOf(files: Record<string, string>, extra: RawEntry[] = []): Buffer {
  const top = 'sosreport-host-2026-11-23-abcdef';
  return rawTarGz([
    { path: 'PaxHeader/top', type: 'x', data: paxRecord('path', `${top}/`) },
    { path: `${top}/`, type: '5' },
    { path: `${top}/usr/lib/systemd/system/system-systemd\\x2dcryptsetup.slice`, data: '[Unit]\n' },
    { path: `${top}/uname`, type: '2', linkpath: 'sos_commands/kernel/uname_-a' },
    ...Object.entries(files).map(([path, data]) => ({ path: `${top}/${path}`, data })),
    ...extra,
  ]);
}

/** A Linux computer with every problem the parser looks for planted in it (GSI-2). */
export const TROUBLED_LINUX: Record<string, string> = {
  'system/os.json': JSON.stringify({ platform: 'linux', distro: 'Debian GNU/Linux', release: '10', kernel: '4.9.0-8-amd64', arch: 'x64' }),
  'system/memory.json': JSON.stringify({ total: 8 * 1024 ** 3 }),
  'hosts/hosts.txt': '127.0.0.1 localhost\n# a comment update.steward.example\n0.0.0.0 update.steward.example\n',
  'disks/filesystems.json': JSON.stringify([
    { fs: '/dev/sda1', type: 'ext4', size: 100 * 1024 ** 3, used: 97 * 1024 ** 3, available: 3 * 1024 ** 3, use: 97, mount: '/' },
    { fs: '/dev/sdb1', type: 'ext4', size: 100 * 1024 ** 3, used: 10 * 1024 ** 3, available: 90 * 1024 ** 3, use: 10, mount: '/data' },
  ]),
  'services/systemd-services.txt': [
    'steward.service loaded inactive dead Steward protection',
    'clamav-daemon.service loaded active running Clam AntiVirus userspace daemon',
    'cron.service loaded failed failed Regular background program processing daemon',
    'ssh.service loaded active running OpenBSD Secure Shell server',
    'apt-daily.service loaded inactive dead Daily apt download activities',
  ].join('\n'),
  'startup/systemd-enabled.txt': 'steward.service enabled enabled\ncron.service enabled enabled\nssh.service enabled enabled\n',
  'modules/proc-modules.txt': 'ext4 1000000 1 - Live 0x0\n',
  'packages/installed.tsv': 'clamav\t0.103\tamd64\tii \nbash\t5.2\tamd64\tii \n',
};
