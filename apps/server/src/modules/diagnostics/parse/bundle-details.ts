import type { Manifest } from '@steward/diag';
import { jsonOf, linesOf, numberOf, type ReportFiles, recordOf, recordsOf, stringOf, textOf } from './file-reading.ts';
import { type ReportDetails, row } from './report-details.ts';
import type { Filesystem, ServiceState, SystemFacts } from './report-model.ts';
import { systemdServices } from './systemd-units.ts';

function platformOf(manifest: Manifest): SystemFacts['platform'] {
  const platform = manifest.host.platform;
  if (platform === 'win32') return 'windows';
  return platform === 'linux' || platform === 'darwin' ? platform : 'unknown';
}

function filesystems(files: ReportFiles): Filesystem[] {
  return recordsOf(jsonOf(files, 'disks/filesystems.json')).map((fs) => ({
    mount: stringOf(fs.mount) || stringOf(fs.fs),
    sizeBytes: numberOf(fs.size),
    usedBytes: numberOf(fs.used),
  }));
}

/** Enabled units start with the system. */
function linuxServices(files: ReportFiles): ServiceState[] {
  const enabled = new Set(linesOf(textOf(files, 'startup/systemd-enabled.txt')).map((line) => line.trim().split(/\s+/)[0]));
  return systemdServices(linesOf(textOf(files, 'services/systemd-services.txt')), enabled);
}

function windowsServices(files: ReportFiles): ServiceState[] {
  return recordsOf(jsonOf(files, 'services/services.json')).map((service) => ({
    name: stringOf(service.name),
    running: stringOf(service.state).toUpperCase() === 'RUNNING',
    autoStart: null,
  }));
}

/** `launchctl list` lines: PID STATUS LABEL, with "-" for a job that is not running. */
function launchdServices(files: ReportFiles): ServiceState[] {
  return linesOf(textOf(files, 'services/launchctl.txt')).flatMap((line) => {
    const [pid, , label] = line.trim().split(/\s+/);
    if (!label || pid === 'PID') return [];
    return [{ name: label, running: pid !== '-', autoStart: null }];
  });
}

function installedNames(files: ReportFiles): Array<{ name: string; version: string }> {
  const programs = ['packages/installed-native.json', 'packages/installed-wow64.json', 'packages/applications.json'].flatMap((path) =>
    recordsOf(jsonOf(files, path)).map((program) => ({ name: stringOf(program.name), version: stringOf(program.version) })),
  );
  const packages = linesOf(textOf(files, 'packages/installed.tsv')).map((line) => {
    const [name, version] = line.split('\t');
    return { name: name ?? '', version: version ?? '' };
  });
  return [...programs, ...packages].filter((program) => program.name !== '');
}

function osFacts(files: ReportFiles): Pick<SystemFacts, 'osName' | 'osVersion' | 'kernel'> {
  const os = recordOf(jsonOf(files, 'system/os.json'));
  const profile = recordOf(recordsOf(recordOf(jsonOf(files, 'system/system-profile.json')).software)[0]);
  const macVersion = /(\d+(?:\.\d+)*)/.exec(stringOf(profile.os_version))?.[1] ?? '';
  return {
    osName: stringOf(os.distro) || (macVersion ? 'macOS' : ''),
    osVersion: stringOf(os.release) || macVersion,
    kernel: stringOf(os.kernel) || stringOf(profile.kernel_version),
  };
}

function systemRows(files: ReportFiles) {
  const cpu = recordOf(jsonOf(files, 'system/cpu.json'));
  const memory = recordOf(jsonOf(files, 'system/memory.json'));
  const os = recordOf(jsonOf(files, 'system/os.json'));
  const system = recordOf(jsonOf(files, 'system/system.json'));
  const rows = [
    row('Architecture', stringOf(os.arch)),
    row('Computer', [stringOf(system.manufacturer), stringOf(system.model)].filter(Boolean).join(' ')),
    row('Processor', [stringOf(cpu.manufacturer), stringOf(cpu.brand), cpu.cores ? `${stringOf(cpu.cores)} cores` : ''].filter(Boolean).join(' ')),
    row('Memory', Number.isFinite(numberOf(memory.total)) ? `${(numberOf(memory.total) / 1024 ** 3).toFixed(1)} GB` : ''),
  ];
  return rows.filter((entry) => entry.value !== '');
}

function driverRows(files: ReportFiles) {
  const windows = recordsOf(jsonOf(files, 'modules/drivers.json')).map((driver) =>
    row(stringOf(driver.displayName) || stringOf(driver.module), [stringOf(driver.state), stringOf(driver.startMode)].filter(Boolean).join(', ')),
  );
  const linux = linesOf(textOf(files, 'modules/proc-modules.txt')).map((line) => {
    const [name, size] = line.split(/\s+/);
    return row(name, `${size ?? ''} bytes`);
  });
  return [...windows, ...linux];
}

function networkRows(files: ReportFiles) {
  return recordsOf(jsonOf(files, 'network/interfaces.json')).map((nic) =>
    row(stringOf(nic.iface), [stringOf(nic.ip4), stringOf(nic.ip6), stringOf(nic.operstate)].filter(Boolean).join(', ')),
  );
}

function softwareRows(files: ReportFiles) {
  const clients = Object.entries(recordOf(jsonOf(files, 'software/client-versions.json')))
    .filter(([, version]) => typeof version === 'string')
    .map(([name, version]) => row(name, version));
  return [...clients, ...installedNames(files).map((program) => row(program.name, program.version))];
}

/** What a steward-diag bundle says, by the file names its collector writes on each platform. */
export function bundleDetails(manifest: Manifest, files: ReportFiles): ReportDetails {
  const facts: SystemFacts = {
    platform: platformOf(manifest),
    ...osFacts(files),
    hosts: textOf(files, 'hosts/hosts.txt'),
    filesystems: filesystems(files),
    services: [...linuxServices(files), ...windowsServices(files), ...launchdServices(files)],
    software: installedNames(files).map((program) => program.name),
  };
  return {
    facts,
    system: systemRows(files),
    systemText: textOf(files, 'system/uname.txt') ?? undefined,
    drivers: driverRows(files),
    driversText: textOf(files, 'modules/kexts.txt') ?? undefined,
    network: networkRows(files),
    networkText: (textOf(files, 'network/sockets.txt') ?? textOf(files, 'network/routes.txt')) || undefined,
    software: softwareRows(files),
  };
}
