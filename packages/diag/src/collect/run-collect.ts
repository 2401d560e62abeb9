import { join } from 'node:path';
import type { Manifest } from '../bundle/manifest.ts';
import { createStaging, removeStaging, type Staging, stageFile, writeBundle } from '../bundle/write-bundle.ts';
import { TOOL } from '../tool.ts';
import { LINUX_PLAN } from './linux-plan.ts';
import { MACOS_PLAN } from './macos-plan.ts';
import { type ProbeContext, SECTIONS, type Section, type SectionPlan, type Step } from './probe.ts';
import { ProbeFailure } from './run-command.ts';
import { WINDOWS_PLAN } from './windows-plan.ts';

export type CollectOptions = {
  outDir: string;
  sections?: Section[];
  productLogsDir?: string;
  concurrency?: number;
  stepTimeoutMs?: number;
  onProgress?: (line: string) => void;
  now?: () => Date;
};

export type CollectResult = { path: string; manifest: Manifest; notes: number; seconds: number };

export function planFor(platform: NodeJS.Platform): SectionPlan[] {
  if (platform === 'darwin') return MACOS_PLAN;
  if (platform === 'win32') return WINDOWS_PLAN;
  return LINUX_PLAN;
}

export function defaultProductLogsDir(platform: NodeJS.Platform): string {
  if (platform === 'darwin') return '/Library/Logs/Steward';
  if (platform === 'win32') return join(process.env.ProgramData ?? 'C:\\ProgramData', 'Steward', 'Logs');
  return '/var/log/steward';
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ProbeFailure(`${what} stopped after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function asFileContent(value: string | Buffer | object): string | Buffer {
  if (typeof value === 'string' || Buffer.isBuffer(value)) return value;
  return `${JSON.stringify(value, null, 2)}\n`;
}

function noteName(name: string): string {
  return `${name.replace(/\.[A-Za-z0-9]+$/, '')}.note.txt`;
}

/** Runs one step; a failing step leaves a note file so the run goes on (and the reader sees why data is missing). */
async function runStep(staging: Staging, section: Section, step: Step, timeoutMs: number): Promise<'file' | 'note'> {
  try {
    const content = asFileContent(await withTimeout(step.run(), timeoutMs, `${section}/${step.name}`));
    await stageFile(staging, section, step.name, content);
    return 'file';
  } catch (error) {
    const reason = error instanceof ProbeFailure ? error.message : `unexpected error: ${error instanceof Error ? error.message : String(error)}`;
    await stageFile(staging, section, noteName(step.name), `${reason}\n`).catch(() => {});
    return 'note';
  }
}

async function runSection(staging: Staging, plan: SectionPlan, context: ProbeContext, timeoutMs: number) {
  const started = performance.now();
  let steps: Step[];
  try {
    steps = await withTimeout(Promise.resolve(plan.steps(context)), timeoutMs, plan.section);
  } catch (error) {
    steps = [{ name: 'section.txt', run: () => Promise.reject(error) }];
  }
  const outcomes = await Promise.all(steps.map((step) => runStep(staging, plan.section, step, timeoutMs)));
  return { files: outcomes.filter((o) => o === 'file').length, notes: outcomes.filter((o) => o === 'note').length, ms: performance.now() - started };
}

async function eachLimited<T>(items: T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  const worker = async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await task(item);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** Collects the chosen sections into a new bundle in `outDir` (DIAG-1: only when called; DIAG-2: nothing is sent). */
export async function collect(options: CollectOptions): Promise<CollectResult> {
  const started = performance.now();
  const wanted = new Set<Section>(options.sections ?? SECTIONS);
  const plans = planFor(process.platform).filter((plan) => wanted.has(plan.section));
  const context: ProbeContext = { productLogsDir: options.productLogsDir ?? defaultProductLogsDir(process.platform) };
  const staging = await createStaging();
  let finished = 0;
  let notes = 0;
  try {
    await eachLimited(plans, options.concurrency ?? 4, async (plan) => {
      const outcome = await runSection(staging, plan, context, options.stepTimeoutMs ?? 10_000);
      notes += outcome.notes;
      finished++;
      const noteText = outcome.notes > 0 ? `, ${outcome.notes} note${outcome.notes === 1 ? '' : 's'}` : '';
      options.onProgress?.(
        `[${finished}/${plans.length}] ${plan.section}: ${outcome.files} file${outcome.files === 1 ? '' : 's'}${noteText} (${(outcome.ms / 1000).toFixed(1)} s)`,
      );
    });
    const now = options.now?.() ?? new Date();
    const { path, manifest } = await writeBundle({ staging, outDir: options.outDir, tool: TOOL, now });
    return { path, manifest, notes, seconds: (performance.now() - started) / 1000 };
  } finally {
    await removeStaging(staging);
  }
}
