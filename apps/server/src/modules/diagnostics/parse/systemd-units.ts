import type { ServiceState } from './report-model.ts';

/**
 * Services from `systemctl list-units` lines (UNIT LOAD ACTIVE SUB DESCRIPTION, a failed unit
 * marked with a leading dot), whichever collector ran it; enabled units start with the system.
 */
export function systemdServices(unitLines: string[], enabled: ReadonlySet<string>): ServiceState[] {
  return unitLines.flatMap((line) => {
    const [name, , active, sub] = line
      .replace(/^[●*]\s*/, '')
      .trim()
      .split(/\s+/);
    if (!name?.endsWith('.service')) return [];
    return [{ name, running: active === 'active' && sub === 'running', autoStart: enabled.has(name) }];
  });
}
