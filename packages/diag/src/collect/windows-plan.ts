import si from 'systeminformation';
import { browserAndMailClients } from './client-names.ts';
import { commandStep, configFileStep, productLogSteps, systemInformationSteps, valueStep } from './common-steps.ts';
import { parseNetstat } from './netstat.ts';
import type { SectionPlan } from './probe.ts';
import { parseDriverquery, parseRegQueryUninstall, parseScQuery } from './windows-parsers.ts';

const UNINSTALL_KEYS = [
  'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall',
  'HKLM\\SOFTWARE\\WOW6432Node\\Microsoft\\Windows\\CurrentVersion\\Uninstall',
];
const SYSTEM_ROOT = process.env.SystemRoot ?? 'C:\\Windows';

const uninstallSteps = (prefix: string, parse: (text: string) => unknown) =>
  UNINSTALL_KEYS.map((key, index) =>
    commandStep(`${prefix}-${index === 0 ? 'native' : 'wow64'}.json`, 'reg', ['query', key, '/s'], parse, { timeoutMs: 15_000 }),
  );

export const WINDOWS_PLAN: SectionPlan[] = [
  {
    section: 'system',
    steps: systemInformationSteps,
  },
  {
    section: 'packages',
    steps: () => [
      ...uninstallSteps('installed', parseRegQueryUninstall),
      commandStep('hotfixes.txt', 'wmic', ['qfe', 'list', 'brief'], undefined, { timeoutMs: 15_000 }),
    ],
  },
  { section: 'modules', steps: () => [commandStep('drivers.json', 'driverquery', ['/v', '/fo', 'csv'], parseDriverquery, { timeoutMs: 15_000 })] },
  { section: 'services', steps: () => [commandStep('services.json', 'sc', ['query', 'state=', 'all'], parseScQuery)] },
  { section: 'startup', steps: () => [commandStep('scheduled-tasks.csv', 'schtasks', ['/query', '/fo', 'csv'], undefined, { timeoutMs: 15_000 })] },
  { section: 'hosts', steps: () => [configFileStep('hosts.txt', `${SYSTEM_ROOT}\\System32\\drivers\\etc\\hosts`)] },
  { section: 'config', steps: () => [commandStep('ipconfig.txt', 'ipconfig', ['/all'])] },
  { section: 'software', steps: () => uninstallSteps('client-versions', (text) => browserAndMailClients(parseRegQueryUninstall(text))) },
  {
    section: 'network',
    steps: () => [commandStep('connections.json', 'netstat', ['-ano'], parseNetstat), valueStep('interfaces.json', () => si.networkInterfaces())],
  },
  { section: 'disks', steps: () => [valueStep('filesystems.json', () => si.fsSize()), valueStep('disk-layout.json', () => si.diskLayout())] },
  { section: 'product-logs', steps: (context) => productLogSteps(context.productLogsDir) },
];
