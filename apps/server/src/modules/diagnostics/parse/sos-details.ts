import { linesOf, type ReportFiles, textOf } from './file-reading.ts';
import { type ReportDetails, row } from './report-details.ts';
import type { Filesystem, ServiceState } from './report-model.ts';
import { systemdServices } from './systemd-units.ts';

const KIB = 1024;

/** The sos files the parser reads, below the report's top folder. */
export function wantedSosFile(path: string): boolean {
  return (
    path === 'etc/hosts' ||
    path === 'etc/os-release' ||
    path === 'usr/lib/os-release' ||
    path === 'sos_commands/kernel/uname_-a' ||
    path === 'sos_commands/kernel/lsmod' ||
    path === 'sos_commands/dpkg/dpkg_-l' ||
    path === 'installed-rpms' ||
    path.startsWith('sos_commands/filesys/df_-al') ||
    path.startsWith('sos_commands/systemd/systemctl_list-unit') ||
    path === 'sos_commands/networking/ip_-o_addr'
  );
}

function firstMatching(files: ReportFiles, prefix: string, exclude?: string): string | null {
  const path = [...files.keys()].find((name) => name.startsWith(prefix) && (exclude === undefined || !name.startsWith(exclude)));
  return path === undefined ? null : textOf(files, path);
}

function osRelease(files: ReportFiles): Record<string, string> {
  const values: Record<string, string> = {};
  for (const line of linesOf(textOf(files, 'etc/os-release') ?? textOf(files, 'usr/lib/os-release'))) {
    const match = /^([A-Z_]+)=("?)(.*)\2$/.exec(line.trim());
    if (match) values[match[1]] = match[3].slice(0, 200);
  }
  return values;
}

/** `df -al` in 1K blocks: FILESYSTEM SIZE USED AVAILABLE USE% MOUNTED-ON. */
function filesystems(files: ReportFiles): Filesystem[] {
  return linesOf(firstMatching(files, 'sos_commands/filesys/df_-al')).flatMap((line) => {
    const [, size, used, , , mount] = line.trim().split(/\s+/);
    if (!mount || !/^\d+$/.test(size ?? '') || !/^\d+$/.test(used ?? '')) return [];
    return [{ mount, sizeBytes: Number(size) * KIB, usedBytes: Number(used) * KIB }];
  });
}

function services(files: ReportFiles): ServiceState[] {
  const enabled = new Set(
    linesOf(firstMatching(files, 'sos_commands/systemd/systemctl_list-unit-files'))
      .map((line) => line.trim().split(/\s+/))
      .filter(([, state]) => state === 'enabled')
      .map(([name]) => name),
  );
  return systemdServices(linesOf(firstMatching(files, 'sos_commands/systemd/systemctl_list-units', 'sos_commands/systemd/systemctl_list-unit-files')), enabled);
}

function packages(files: ReportFiles): Array<{ name: string; version: string }> {
  const dpkg = linesOf(textOf(files, 'sos_commands/dpkg/dpkg_-l')).flatMap((line) => {
    const [state, name, version] = line.trim().split(/\s+/);
    return state === 'ii' && name ? [{ name, version: version ?? '' }] : [];
  });
  const rpm = linesOf(textOf(files, 'installed-rpms')).map((line) => ({ name: line.trim().split(/\s+/)[0], version: '' }));
  return [...dpkg, ...rpm];
}

/** What a sos report (Linux) says, by the files sos writes. */
export function sosDetails(files: ReportFiles): ReportDetails {
  const release = osRelease(files);
  const uname = textOf(files, 'sos_commands/kernel/uname_-a');
  const installed = packages(files);
  return {
    facts: {
      platform: 'linux',
      osName: release.NAME ?? '',
      osVersion: release.VERSION_ID ?? '',
      kernel: uname?.trim().split(/\s+/)[2] ?? '',
      hosts: textOf(files, 'etc/hosts'),
      filesystems: filesystems(files),
      services: services(files),
      software: installed.map((entry) => entry.name),
    },
    system: release.PRETTY_NAME ? [row('Release', release.PRETTY_NAME)] : [],
    systemText: uname ?? undefined,
    drivers: linesOf(textOf(files, 'sos_commands/kernel/lsmod'))
      .slice(1)
      .map((line) => {
        const [name, size] = line.trim().split(/\s+/);
        return row(name, `${size ?? ''} bytes`);
      }),
    network: [],
    networkText: textOf(files, 'sos_commands/networking/ip_-o_addr') ?? undefined,
    software: installed.map((entry) => row(entry.name, entry.version)),
  };
}
