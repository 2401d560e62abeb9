import { gunzipSync, gzipSync } from 'node:zlib';
import { rawTar, rawTarGz } from '@steward/diag/test-tar';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseReport } from './parse-report.ts';
import { ReportUnreadable } from './report-model.ts';
import { bundleOf, sosReportOf, TROUBLED_LINUX } from './test-reports.ts';

const codes = (findings: Array<{ code: string }>) => findings.map((finding) => finding.code).sort();

async function refusal(data: Buffer): Promise<ReportUnreadable> {
  const error = await parseReport(data).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ReportUnreadable);
  return error as ReportUnreadable;
}

describe('report parser', () => {
  it('[GSI-2] finds a hosts redirect, a full disk, a stopped service, a conflicting product and an old system', async () => {
    const report = await parseReport(bundleOf(TROUBLED_LINUX));
    expect(report.format).toBe('steward-diag');
    expect(codes(report.findings)).toEqual([
      'conflicting-security-product',
      'disk-nearly-full',
      'hosts-redirects-vendor',
      'stopped-service',
      'stopped-service',
      'unsupported-os',
    ]);
    const byCode = (code: string) => report.findings.filter((finding) => finding.code === code);
    expect(byCode('hosts-redirects-vendor')[0]).toMatchObject({ severity: 'critical', title: expect.stringContaining('update.steward.example') });
    expect(byCode('disk-nearly-full')[0].title).toContain('/');
    expect(byCode('stopped-service').map((finding) => [finding.title, finding.severity])).toEqual(
      expect.arrayContaining([
        ['steward.service is not running', 'critical'],
        ['cron.service is not running', 'warning'],
      ]),
    );
    expect(byCode('conflicting-security-product')[0].title).toContain('ClamAV');
    expect(byCode('unsupported-os')[0].detail).toContain('4.9.0');
    expect(report.findings[0].severity).toBe('critical');
  });

  it('[GSI-2] lays the bundle out in readable sections', async () => {
    const report = await parseReport(bundleOf(TROUBLED_LINUX));
    expect(report.sections.map((section) => section.id)).toEqual(['system', 'drivers', 'services', 'network', 'hosts', 'software', 'disks']);
    const section = (id: string) => report.sections.find((entry) => entry.id === id);
    expect(section('system')?.rows).toEqual(
      expect.arrayContaining([
        { label: 'Operating system', value: 'Debian GNU/Linux' },
        { label: 'Memory', value: '8.0 GB' },
      ]),
    );
    expect(section('hosts')?.rows).toEqual([
      { label: 'localhost', value: '127.0.0.1' },
      { label: 'update.steward.example', value: '0.0.0.0' },
    ]);
    expect(section('hosts')?.text).toContain('0.0.0.0 update.steward.example');
    expect(section('disks')?.rows[0]).toEqual({ label: '/', value: '97.0 GB used of 100.0 GB (97.0 %)' });
    expect(section('services')?.rows).toContainEqual({ label: 'steward.service', value: 'not running, starts automatically' });
    expect(section('drivers')?.rows).toContainEqual({ label: 'ext4', value: '1000000 bytes' });
  });

  it('[GSI-2] finds nothing wrong on a healthy computer', async () => {
    const report = await parseReport(
      bundleOf({
        'system/os.json': JSON.stringify({ distro: 'Debian GNU/Linux', release: '12', kernel: '6.1.0-18-amd64' }),
        'hosts/hosts.txt': '127.0.0.1 localhost\n',
        'disks/filesystems.json': JSON.stringify([{ mount: '/', size: 100 * 1024 ** 3, used: 20 * 1024 ** 3 }]),
        'services/systemd-services.txt': 'steward.service loaded active running Steward\n',
      }),
    );
    expect(report.findings).toEqual([]);
  });

  it('[GSI-2] reads a Windows bundle: an old Windows, our service stopped, Defender alongside as info', async () => {
    const report = await parseReport(
      bundleOf(
        {
          'system/os.json': JSON.stringify({ distro: 'Microsoft Windows 7 Professional', release: '6.1.7601', kernel: '6.1.7601' }),
          'services/services.json': JSON.stringify([
            { name: 'Steward', displayName: 'Steward Protection', type: 'WIN32_OWN_PROCESS', state: 'STOPPED' },
            { name: 'WinDefend', displayName: 'Microsoft Defender Antivirus Service', type: 'WIN32_OWN_PROCESS', state: 'RUNNING' },
            { name: 'BITS', displayName: 'Background Intelligent Transfer Service', type: 'WIN32', state: 'STOPPED' },
          ]),
          'packages/installed-native.json': JSON.stringify([{ name: 'Kaspersky Internet Security', version: '21.3' }]),
          'hosts/hosts.txt': '127.0.0.1 download.kaspersky.com\n',
        },
        'win32',
      ),
    );
    expect(report.findings.map((finding) => [finding.code, finding.severity, finding.title])).toEqual(
      expect.arrayContaining([
        ['unsupported-os', 'warning', 'The operating system is not supported'],
        ['stopped-service', 'critical', 'Steward is not running'],
        ['conflicting-security-product', 'info', 'Windows Defender is installed'],
        ['conflicting-security-product', 'warning', 'Kaspersky is installed'],
        ['hosts-redirects-vendor', 'critical', 'The hosts file redirects download.kaspersky.com'],
      ]),
    );
    expect(report.findings.some((finding) => finding.title.startsWith('BITS'))).toBe(false);
  });

  it('[GSI-2] flags macOS before 12 and a disk with less than 1 GB free', async () => {
    const report = await parseReport(
      bundleOf(
        {
          'system/os.json': JSON.stringify({ distro: 'macOS', release: '11.7.10', kernel: '20.6.0' }),
          'disks/filesystems.json': JSON.stringify([{ mount: '/Volumes/Small', size: 5 * 1024 ** 3, used: 4.5 * 1024 ** 3 + 1 }]),
        },
        'darwin',
      ),
    );
    expect(codes(report.findings)).toEqual(['disk-nearly-full', 'unsupported-os']);
  });
});

describe('sos reports', () => {
  const sos = {
    'etc/hosts': '127.0.0.1 localhost\n10.6.6.6 update.steward.example\n',
    'etc/os-release': 'NAME="CentOS Linux"\nVERSION_ID="7"\nPRETTY_NAME="CentOS Linux 7 (Core)"\n',
    'sos_commands/kernel/uname_-a': 'Linux host 3.10.0-1160.el7.x86_64 #1 SMP x86_64 GNU/Linux\n',
    'sos_commands/filesys/df_-al_-x_autofs':
      'Filesystem 1K-blocks Used Available Use% Mounted on\n/dev/sda1 10485760 10380902 104858 99% /\nproc 0 0 0 - /proc\n',
    'sos_commands/systemd/systemctl_list-units': 'UNIT LOAD ACTIVE SUB DESCRIPTION\nsshd.service loaded failed failed OpenSSH\n',
    'sos_commands/systemd/systemctl_list-unit-files': 'UNIT FILE STATE\nsshd.service enabled\n',
    'sos_commands/kernel/lsmod': 'Module Size Used by\nxfs 1000 1\n',
    'installed-rpms': 'clamav-0.103.8-3.el7.x86_64   Mon 01 Jan 2024\nbash-4.2.46-35.el7_9.x86_64\n',
  };

  it('[GSI-2] reads a gzip sos report, skipping its shortcut links', async () => {
    const report = await parseReport(sosReportOf(sos));
    expect(report.format).toBe('sos');
    expect(codes(report.findings)).toEqual(['conflicting-security-product', 'disk-nearly-full', 'hosts-redirects-vendor', 'stopped-service', 'unsupported-os']);
    expect(report.sections.find((section) => section.id === 'drivers')?.rows).toEqual([{ label: 'xfs', value: '1000 bytes' }]);
  });

  it.each([
    ['a parent path', { path: 'sosreport-x/../../etc/passwd', data: 'x' }],
    ['an absolute path', { path: '/etc/passwd', data: 'x' }],
    ['a device', { path: 'sosreport-x/dev/tty', type: '3' }],
  ])('refuses a sos report with %s', async (_kind, entry) => {
    expect((await refusal(sosReportOf(sos, [entry]))).message).toMatch(/unsafe path|not allowed/);
  });

  it('refuses an xz-compressed report and anything that is not gzip, saying how to make one it can read', async () => {
    expect((await refusal(Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00, 1, 2]))).message).toContain('sos report -z gzip');
    expect((await refusal(Buffer.from('hello'))).message).toContain('not a .tar.gz');
  });
});

describe('report parser robustness (fast-check)', () => {
  const onlyTypedErrors = async (data: Buffer) => {
    await parseReport(data).catch((error: unknown) => {
      if (!(error instanceof ReportUnreadable)) throw error;
    });
  };
  const valid = bundleOf(TROUBLED_LINUX);
  const validSos = sosReportOf({ 'etc/hosts': '127.0.0.1 localhost\n' });

  it('refuses a bundle with a parent path, an absolute path or a link', async () => {
    for (const entry of [
      { path: '../x', data: 'a' },
      { path: '/etc/passwd', data: 'a' },
      { path: 'hosts/link', type: '2', linkpath: '/etc/shadow' },
    ]) {
      await refusal(rawTarGz([{ path: 'manifest.json', data: '{}' }, entry]));
    }
  });

  it('throws nothing but ReportUnreadable on random bytes, gzip or not', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), fc.boolean(), async (bytes, gzip) => onlyTypedErrors(gzip ? gzipSync(bytes) : Buffer.from(bytes))),
      { numRuns: 200 },
    );
  });

  it('throws nothing but ReportUnreadable on truncated, bit-flipped or corrupted reports, and ends quickly', async () => {
    const started = performance.now();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(valid, validSos), fc.nat(), fc.nat(), fc.integer({ min: 1, max: 255 }), async (report, cut, at, flip) => {
        const plain = gunzipSync(report);
        await onlyTypedErrors(report.subarray(0, cut % report.length));
        const corrupted = Buffer.from(report);
        corrupted[10 + (at % (report.length - 10))] ^= flip;
        await onlyTypedErrors(corrupted);
        const flipped = Buffer.from(plain);
        flipped[at % plain.length] ^= flip;
        await onlyTypedErrors(gzipSync(flipped));
        await onlyTypedErrors(gzipSync(plain.subarray(0, cut % plain.length)));
      }),
      { numRuns: 200 },
    );
    expect(performance.now() - started).toBeLessThan(20_000);
  });

  it('never throws on random JSON or text in the files it reads', async () => {
    const paths = ['system/os.json', 'disks/filesystems.json', 'services/services.json', 'network/interfaces.json', 'packages/installed-native.json'];
    const texts = ['hosts/hosts.txt', 'services/systemd-services.txt', 'startup/systemd-enabled.txt', 'services/launchctl.txt', 'packages/installed.tsv'];
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.jsonValue({ maxDepth: 3 }), { minLength: 5, maxLength: 5 }),
        fc.array(fc.string({ maxLength: 200 }), { minLength: 5, maxLength: 5 }),
        fc.constantFrom('linux', 'win32', 'darwin', 'aix'),
        async (values, strings, platform) => {
          const files = Object.fromEntries([
            ...paths.map((path, i) => [path, JSON.stringify(values[i]) ?? 'null']),
            ...texts.map((path, i) => [path, strings[i]]),
          ]);
          const report = await parseReport(bundleOf(files, platform));
          expect(report.sections).toHaveLength(7);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('throws nothing but ReportUnreadable on random JSON manifests and random sos entries', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (value) => onlyTypedErrors(rawTarGz([{ path: 'manifest.json', data: JSON.stringify(value) ?? 'null' }]))),
      { numRuns: 200 },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            path: fc.string({ minLength: 1, maxLength: 99 }),
            type: fc.constantFrom('0', '1', '2', '3', '5', 'x', 'g', 'L'),
            data: fc.string({ maxLength: 64 }),
          }),
          { maxLength: 6 },
        ),
        async (entries) => onlyTypedErrors(gzipSync(rawTar([{ path: 'sosreport-x/etc/hosts', data: '' }, ...entries]))),
      ),
      { numRuns: 200 },
    );
  });
});
