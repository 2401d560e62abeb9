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
