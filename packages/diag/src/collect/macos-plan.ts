import si from 'systeminformation';
import { browserAndMailClients } from './client-names.ts';
import { commandStep, fileStep, productLogSteps, valueStep } from './common-steps.ts';
import { parseNetstat } from './netstat.ts';
import type { SectionPlan } from './probe.ts';

type ProfilerItem = Record<string, unknown>;
export type MacApplication = { name: string; version: string; path: string; obtainedFrom: string };
export type SystemProfile = { hardware: ProfilerItem[]; software: ProfilerItem[]; applications: MacApplication[] };

/** Hardware identifiers that say nothing about a fault but identify the machine. */
const IDENTIFYING_KEYS = new Set(['serial_number', 'platform_UUID', 'provisioning_UDID', 'user_name', 'local_host_name', 'computer_name']);

function items(value: unknown): ProfilerItem[] {
  return Array.isArray(value) ? value.filter((item): item is ProfilerItem => typeof item === 'object' && item !== null) : [];
}

function withoutIdentifiers(item: ProfilerItem): ProfilerItem {
  return Object.fromEntries(Object.entries(item).filter(([key]) => !IDENTIFYING_KEYS.has(key)));
}

/** Parses `system_profiler -json SPHardwareDataType SPSoftwareDataType SPApplicationsDataType` output. */
export function parseSystemProfiler(jsonText: string): SystemProfile {
  const data = JSON.parse(jsonText) as Record<string, unknown>;
  const applications = items(data.SPApplicationsDataType).map((app) => ({
    name: String(app._name ?? ''),
    version: String(app.version ?? ''),
    path: String(app.path ?? ''),
    obtainedFrom: String(app.obtained_from ?? ''),
  }));
  return {
    hardware: items(data.SPHardwareDataType).map(withoutIdentifiers),
    software: items(data.SPSoftwareDataType).map(withoutIdentifiers),
    applications,
  };
}

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
  { section: 'hosts', steps: () => [fileStep('hosts.txt', '/etc/hosts')] },
  { section: 'config', steps: () => [fileStep('resolv.conf', '/etc/resolv.conf'), commandStep('sw_vers.txt', 'sw_vers', [])] },
  {
    section: 'software',
    steps: () => [
      commandStep('client-versions.json', 'system_profiler', ['-json', 'SPApplicationsDataType'], (text) => browserAndMailClients(parseSystemProfiler(text).applications), {
        timeoutMs: 30_000,
      }),
    ],
  },
  { section: 'network', steps: () => [commandStep('connections.json', 'netstat', ['-an'], parseNetstat), valueStep('interfaces.json', () => si.networkInterfaces())] },
  { section: 'disks', steps: () => [valueStep('filesystems.json', () => si.fsSize()), valueStep('disk-layout.json', () => si.diskLayout())] },
  { section: 'product-logs', steps: (context) => productLogSteps(context.productLogsDir) },
];
