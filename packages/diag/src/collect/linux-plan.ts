import { readdir } from 'node:fs/promises';
import si from 'systeminformation';
import { commandStep, configFileStep, fileStep, folderListingStep, productLogSteps, systemInformationSteps, valueStep } from './common-steps.ts';
import type { SectionPlan, Step } from './probe.ts';
import { ProbeFailure, runCommand } from './run-command.ts';
import { clientVersions } from './software-versions.ts';

const CRON_FOLDERS = ['/etc/cron.d', '/etc/cron.hourly', '/etc/cron.daily', '/etc/cron.weekly', '/etc/cron.monthly'];
const LINUX_CLIENTS = ['chromium', 'firefox', 'google-chrome', 'microsoft-edge', 'brave-browser', 'thunderbird', 'evolution'];

async function installedPackages(): Promise<string> {
  try {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: dpkg-query's own field syntax, not a template
    return await runCommand('dpkg-query', ['-W', '-f', '${Package}\t${Version}\t${Architecture}\t${db:Status-Abbrev}\n']);
  } catch (error) {
    if (!(error instanceof ProbeFailure)) throw error;
    return runCommand('rpm', ['-qa', '--qf', '%{NAME}\t%{VERSION}-%{RELEASE}\t%{ARCH}\n']);
  }
}

async function cronListing(): Promise<Record<string, string[] | string>> {
  const listing: Record<string, string[] | string> = {};
  for (const folder of CRON_FOLDERS) {
    listing[folder] = await readdir(folder).catch((error: NodeJS.ErrnoException) => `unreadable: ${error.code ?? error.message}`);
  }
  return listing;
}

/** The regular files directly inside /etc/cron.d, each as its own file. */
async function cronDSteps(): Promise<Step[]> {
  const names = await readdir('/etc/cron.d').catch(() => [] as string[]);
  return names
    .filter((name) => /^[A-Za-z0-9._-]+$/.test(name) && !name.startsWith('.'))
    .slice(0, 100)
    .map((name) => configFileStep(`cron.d/${name}`, `/etc/cron.d/${name}`));
}

export const LINUX_PLAN: SectionPlan[] = [
  {
    section: 'system',
    steps: () => [...systemInformationSteps(), fileStep('uname.txt', '/proc/version')],
  },
  {
    section: 'packages',
    steps: () => [
      { name: 'installed.tsv', run: installedPackages },
      commandStep('upgradable.txt', 'apt', ['list', '--upgradable'], undefined, { timeoutMs: 8_000 }),
    ],
  },
  { section: 'modules', steps: () => [fileStep('proc-modules.txt', '/proc/modules'), folderListingStep('sys-module.json', '/sys/module')] },
  {
    section: 'services',
    steps: () => [
      commandStep('systemd-services.txt', 'systemctl', ['list-units', '--type=service', '--all', '--no-pager', '--plain', '--no-legend']),
      folderListingStep('init.d.json', '/etc/init.d'),
    ],
  },
  {
    section: 'startup',
    steps: async () => [
      commandStep('systemd-enabled.txt', 'systemctl', ['list-unit-files', '--state=enabled', '--no-pager', '--plain', '--no-legend']),
      commandStep('systemd-timers.txt', 'systemctl', ['list-timers', '--all', '--no-pager', '--plain', '--no-legend']),
      configFileStep('crontab.txt', '/etc/crontab'),
      commandStep('user-crontab.txt', 'crontab', ['-l']),
      valueStep('cron-folders.json', cronListing),
      ...(await cronDSteps()),
    ],
  },
  { section: 'hosts', steps: () => [configFileStep('hosts.txt', '/etc/hosts')] },
  {
    section: 'config',
    steps: () => [
      configFileStep('resolv.conf', '/etc/resolv.conf'),
      configFileStep('nsswitch.conf', '/etc/nsswitch.conf'),
      configFileStep('os-release', '/etc/os-release'),
    ],
  },
  { section: 'software', steps: () => [valueStep('client-versions.json', () => clientVersions(LINUX_CLIENTS))] },
  {
    section: 'network',
    steps: () => [
      commandStep('sockets.txt', 'ss', ['-tunapH']),
      valueStep('interfaces.json', () => si.networkInterfaces()),
      fileStep('routes.txt', '/proc/net/route'),
    ],
  },
  {
    section: 'disks',
    steps: () => [
      valueStep('filesystems.json', () => si.fsSize()),
      valueStep('block-devices.json', () => si.blockDevices()),
      valueStep('disk-layout.json', () => si.diskLayout()),
    ],
  },
  { section: 'product-logs', steps: (context) => productLogSteps(context.productLogsDir) },
];
