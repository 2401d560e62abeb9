import { hostsEntries } from './findings.ts';
import type { ReportSection, SectionRow, SystemFacts } from './report-model.ts';

/** What a report says, before it is laid out in sections. */
export interface ReportDetails {
  facts: SystemFacts;
  system: SectionRow[];
  systemText?: string;
  drivers: SectionRow[];
  driversText?: string;
  network: SectionRow[];
  networkText?: string;
  software: SectionRow[];
}

const MAX_ROWS = 2_000;
const MAX_VALUE = 500;
const MAX_TEXT = 256 * 1024;

export function row(label: unknown, value: unknown): SectionRow {
  return { label: String(label ?? '').slice(0, 200), value: String(value ?? '').slice(0, MAX_VALUE) };
}

function cappedText(text: string | undefined | null): { text?: string } {
  return text ? { text: text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}\n…` : text } : {};
}

function section(id: ReportSection['id'], title: string, rows: SectionRow[], text?: string | null): ReportSection {
  return { id, title, rows: rows.slice(0, MAX_ROWS), ...cappedText(text) };
}

const gigabytes = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(1)} GB`;

export function sectionsOf(details: ReportDetails): ReportSection[] {
  const { facts } = details;
  const os = [row('Operating system', facts.osName), row('Version', facts.osVersion), row('Kernel', facts.kernel)].filter((entry) => entry.value !== '');
  const services = facts.services.map((service) =>
    row(service.name, `${service.running ? 'running' : 'not running'}${service.autoStart ? ', starts automatically' : ''}`),
  );
  const hosts = facts.hosts === null ? [] : hostsEntries(facts.hosts).map((entry) => row(entry.name, entry.address));
  const disks = facts.filesystems.map((fs) =>
    row(
      fs.mount,
      `${gigabytes(fs.usedBytes)} used of ${gigabytes(fs.sizeBytes)} (${fs.sizeBytes > 0 ? ((fs.usedBytes / fs.sizeBytes) * 100).toFixed(1) : '0'} %)`,
    ),
  );
  return [
    section('system', 'System', [...os, ...details.system], details.systemText),
    section('drivers', 'Drivers and modules', details.drivers, details.driversText),
    section('services', 'Services', services),
    section('network', 'Network', details.network, details.networkText),
    section('hosts', 'Hosts file', hosts, facts.hosts),
    section('software', 'Software', details.software),
    section('disks', 'Disks', disks),
  ];
}
