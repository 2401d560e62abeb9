export const SECTIONS = ['system', 'packages', 'modules', 'services', 'startup', 'hosts', 'config', 'software', 'network', 'disks', 'product-logs'] as const;

export type Section = (typeof SECTIONS)[number];

/** One file of a section: `run` returns its content (objects are written as JSON); a thrown error becomes a note file. */
export type Step = { name: string; run: () => Promise<string | Buffer | object> };

export type ProbeContext = { productLogsDir: string };

/** What a platform collects for one section; steps may depend on what is found (e.g. the log files present). */
export type SectionPlan = { section: Section; steps: (context: ProbeContext) => Promise<Step[]> | Step[] };

export function isSection(value: string): value is Section {
  return (SECTIONS as readonly string[]).includes(value);
}
