import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { browserAndMailClients } from './client-names.ts';
import { parseSystemProfiler } from './macos-parsers.ts';
import { parseNetstat } from './netstat.ts';
import { parseDriverquery, parseRegQueryUninstall, parseScQuery } from './windows-parsers.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

describe('macOS probes on recorded output', () => {
  it('[DIAG-6] parseSystemProfiler reads hardware, OS and applications, leaving out serial numbers and user names', () => {
    const profile = parseSystemProfiler(fixture('system-profiler.json'));
    expect(profile.hardware[0]).toMatchObject({ machine_model: 'Mac14,2', chip_type: 'Apple M2', physical_memory: '16 GB' });
    expect(profile.software[0]).toMatchObject({ os_version: 'macOS 26.1 (25B78)', kernel_version: 'Darwin 25.1.0' });
    const text = JSON.stringify(profile);
    for (const identifying of ['C02XK1ZZJGH5', '6B1C1E0A', '00008112', 'Anna', 'Annas-MacBook-Air']) expect(text).not.toContain(identifying);
    expect(profile.applications).toHaveLength(4);
    expect(browserAndMailClients(profile.applications).map((app) => `${app.name} ${app.version}`)).toEqual(['Safari 19.1', 'Firefox 146.0.1', 'Mail 16.0']);
  });

  it('parseNetstat reads macOS netstat -an, skipping unix sockets', () => {
    expect(parseNetstat(fixture('netstat-macos.txt'))).toEqual([
      { protocol: 'tcp4', local: '192.168.1.40.52311', remote: '17.57.146.52.5223', state: 'ESTABLISHED' },
      { protocol: 'tcp6', local: '*.7000', remote: '*.*', state: 'LISTEN' },
      { protocol: 'tcp4', local: '127.0.0.1.631', remote: '*.*', state: 'LISTEN' },
      { protocol: 'udp4', local: '*.5353', remote: '*.*', state: '' },
      { protocol: 'udp46', local: '*.*', remote: '*.*', state: '' },
    ]);
  });
});

describe('Windows probes on recorded output', () => {
  it('[DIAG-6] parseRegQueryUninstall lists programs with a display name', () => {
    const programs = parseRegQueryUninstall(fixture('reg-query-uninstall.txt'));
    expect(programs.map((program) => [program.name, program.version, program.publisher])).toEqual([
      ['7-Zip 24.09 (x64)', '24.09', 'Igor Pavlov'],
      ['Google Chrome', '142.0.7444.176', 'Google LLC'],
      ['Mozilla Thunderbird (x64 en-GB)', '140.5.0', 'Mozilla'],
      ['Office 16 Click-to-Run Extensibility Component', '16.0.19328.20000', 'Microsoft Corporation'],
    ]);
    expect(programs[1]).toMatchObject({ key: 'Google Chrome', installDate: '20261104' });
    expect(browserAndMailClients(programs).map((program) => program.name)).toEqual(['Google Chrome', 'Mozilla Thunderbird (x64 en-GB)']);
  });

  it('[DIAG-6] parseDriverquery reads the CSV, including quoted quotes', () => {
    const drivers = parseDriverquery(fixture('driverquery.csv'));
    expect(drivers).toHaveLength(3);
    expect(drivers[2]).toEqual({
      module: 'StewardFlt',
      displayName: 'Steward "Guard" Filter',
      type: 'File System ',
      startMode: 'Boot',
      state: 'Running',
      path: 'C:\\Windows\\system32\\drivers\\stewardflt.sys',
    });
  });

  it('[DIAG-6] parseScQuery reads every service with its state', () => {
    expect(parseScQuery(fixture('sc-query.txt'))).toEqual([
      { name: 'AudioSrv', displayName: 'Windows Audio', type: 'WIN32_SHARE_PROCESS', state: 'RUNNING' },
      { name: 'BITS', displayName: 'Background Intelligent Transfer Service', type: 'WIN32', state: 'STOPPED' },
      { name: 'StewardAgent', displayName: 'Steward Protection Agent', type: 'WIN32_OWN_PROCESS', state: 'RUNNING' },
    ]);
  });

  it('[DIAG-6] parseNetstat reads netstat -ano with PIDs, IPv6 and UDP', () => {
    const connections = parseNetstat(fixture('netstat-windows.txt'));
    expect(connections).toHaveLength(7);
    expect(connections[2]).toEqual({ protocol: 'tcp', local: '192.168.1.23:52144', remote: '140.82.112.25:443', state: 'ESTABLISHED', pid: 8812 });
    expect(connections[5]).toEqual({ protocol: 'udp', local: '0.0.0.0:5353', remote: '*:*', state: '', pid: 2280 });
    expect(connections[6].local).toBe('[fe80::1c2d:3e4f:5a6b:7c8d%12]:1900');
  });

  it('the text parsers accept any input without throwing', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2000 }), (text) => {
        parseNetstat(text);
        parseRegQueryUninstall(text);
        parseDriverquery(text);
        parseScQuery(text);
      }),
      { numRuns: 500 },
    );
  });
});
