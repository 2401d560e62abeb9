export type Severity = 'info' | 'warning' | 'critical';

export interface Finding {
  code: string;
  severity: Severity;
  title: string;
  detail: string;
}

export interface SectionRow {
  label: string;
  value: string;
}

export const SECTION_IDS = ['system', 'drivers', 'services', 'network', 'hosts', 'software', 'disks'] as const;
export type SectionId = (typeof SECTION_IDS)[number];

export interface ReportSection {
  id: SectionId;
  title: string;
  rows: SectionRow[];
  text?: string;
}

export interface ParsedReport {
  format: 'steward-diag' | 'sos';
  sections: ReportSection[];
  findings: Finding[];
}

export interface Filesystem {
  mount: string;
  sizeBytes: number;
  usedBytes: number;
}

export interface ServiceState {
  name: string;
  running: boolean;
  /** Whether it is set to start with the system; null when the report does not say. */
  autoStart: boolean | null;
}

/** What the findings look at, whichever kind of report it came from. */
export interface SystemFacts {
  platform: 'linux' | 'windows' | 'darwin' | 'unknown';
  osName: string;
  osVersion: string;
  kernel: string;
  hosts: string | null;
  filesystems: Filesystem[];
  services: ServiceState[];
  /** Names of installed programs and packages, as the report lists them. */
  software: string[];
}

/** Why a report could not be read; the only error the parser throws. */
export class ReportUnreadable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReportUnreadable';
  }
}
