import si from 'systeminformation';
import { browserAndMailClients } from './client-names.ts';
import { commandStep, configFileStep, productLogSteps, valueStep } from './common-steps.ts';
import { parseSystemProfiler } from './macos-parsers.ts';
import { parseNetstat } from './netstat.ts';
import type { SectionPlan } from './probe.ts';

export const MACOS_PLAN: SectionPlan[] = [
  {
    section: 'system',
    steps: () => [
      commandStep('system-profile.json', 'system_profiler', ['-json', 'SPHardwareDataType', 'SPSoftwareDataType'], parseSystemProfiler, { timeoutMs: 15_000 }),
      valueStep('memory.json', () => si.mem()),
    ],
  },
  {
    section: 'packages',
    steps: () => [
      commandStep('applications.json', 'system_profiler', ['-json', 'SPApplicationsDataType'], (text) => parseSystemProfiler(text).applications, {
        timeoutMs: 30_000,
      }),
      commandStep('software-updates.txt', 'softwareupdate', ['--history']),
    ],
  },
  { section: 'modules', steps: () => [commandStep('kexts.txt', 'kmutil', ['showloaded', '--list-only'])] },
  { section: 'services', steps: () => [commandStep('launchctl.txt', 'launchctl', ['list'])] },
  { section: 'startup', steps: () => [commandStep('launch-daemons.txt', 'ls', ['-l', '/Library/LaunchDaemons', '/Library/LaunchAgents'])] },
  { section: 'hosts', steps: () => [configFileStep('hosts.txt', '/etc/hosts')] },
  { section: 'config', steps: () => [configFileStep('resolv.conf', '/etc/resolv.conf'), commandStep('sw_vers.txt', 'sw_vers', [])] },
  {
    section: 'software',
    steps: () => [
      commandStep(
        'client-versions.json',
        'system_profiler',
        ['-json', 'SPApplicationsDataType'],
        (text) => browserAndMailClients(parseSystemProfiler(text).applications),
        {
          timeoutMs: 30_000,
        },
      ),
    ],
  },
  {
    section: 'network',
    steps: () => [commandStep('connections.json', 'netstat', ['-an'], parseNetstat), valueStep('interfaces.json', () => si.networkInterfaces())],
  },
  { section: 'disks', steps: () => [valueStep('filesystems.json', () => si.fsSize()), valueStep('disk-layout.json', () => si.diskLayout())] },
  { section: 'product-logs', steps: (context) => productLogSteps(context.productLogsDir) },
];
