import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KEYWORDS, PLANTED, score, writeCorpus } from './diag-corpus.ts';

const DIAG_BIN = fileURLToPath(new URL('../../packages/diag/bin/steward-diag.mjs', import.meta.url));
const SOS_PLUGINS = 'host,networking,kernel,process,services,logs,hardware,date,filesys,memory,systemd';
const FAILED = -1;
/** Keeps the suite within a few minutes when a tool hangs on some input; the tool is then recorded as failed. */
const TIMEOUT_MS = 120_000;

type Ran = { code: number; stdout: string; stderr: string; seconds: number };

const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;
const round = (n: number) => Math.round(n * 1000) / 1000;
const line = (label: string, value: string, beside = '') => process.stdout.write(`  ${label.padEnd(34)} ${value.padStart(12)}  ${beside}\n`);
const tail = (text: string) => text.trim().split('\n').slice(-5).join('\n    ');

function run(command: string, args: string[]): Promise<Ran> {
  const start = process.hrtime.bigint();
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], timeout: TIMEOUT_MS, killSignal: 'SIGKILL' });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', (error) => resolve({ code: 127, stdout, stderr: `${stderr}${error.message}`, seconds: seconds(start) }));
    child.on('close', (code, signal) => {
      const stopped = signal ? `\nstopped by ${signal} after ${TIMEOUT_MS / 1000} s` : '';
      resolve({ code: code ?? 1, stdout, stderr: `${stderr}${stopped}`, seconds: seconds(start) });
    });
  });
}

async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

async function textUnder(root: string): Promise<string> {
  const texts = await Promise.all((await filesUnder(root)).map((file) => readFile(file, 'utf8')));
  return texts.join('\n');
}

/** The one entry of `dir` whose name matches; sos names its output after the host and a random suffix. */
async function onlyEntry(dir: string, pattern: RegExp): Promise<string | undefined> {
  const name = (await readdir(dir)).find((entry) => pattern.test(entry));
  return name && join(dir, name);
}

function toolFailed(what: string, ran: Ran): void {
  process.stdout.write(`  ${what} failed (exit ${ran.code}); recorded as ${FAILED}:\n    ${tail(ran.stderr || ran.stdout)}\n`);
}

async function collectStep(tmp: string) {
  const ours = await run(process.execPath, [DIAG_BIN, 'collect', '--out', join(tmp, 'collect')]);
  if (ours.code !== 0) throw new Error(`steward-diag collect failed: ${tail(ours.stderr)}`);
  const bundle = ours.stdout.trim().split('\n').at(-1)!;
  const collectBytes = (await stat(bundle)).size;
  await mkdir(join(tmp, 'sos-report'));
  const sos = await run('sos', ['report', '--batch', '--quiet', '--tmp-dir', join(tmp, 'sos-report'), '-o', SOS_PLUGINS]);
  const archive = await onlyEntry(join(tmp, 'sos-report'), /^sosreport-.*\.tar\.(?:xz|gz|bz2)$/);
  if (sos.code !== 0 || !archive) toolFailed('sos report', sos);
  const sosBytes = archive && sos.code === 0 ? (await stat(archive)).size : FAILED;
  line('collect', `${ours.seconds.toFixed(1)} s`, `beside sos report ${sos.code === 0 && archive ? `${sos.seconds.toFixed(1)} s` : 'failed'}`);
  line('bundle size', `${(collectBytes / 1024).toFixed(0)} KiB`, `beside sos report ${sosBytes === FAILED ? 'failed' : `${(sosBytes / 1024).toFixed(0)} KiB`}`);
  return {
    archive: sosBytes === FAILED ? undefined : archive,
    collect_s: ours.seconds,
    sos_report_s: sosBytes === FAILED ? FAILED : sos.seconds,
    collectBytes,
    sosBytes,
  };
}

const RUNS = 3;

async function bytesUnder(root: string): Promise<number> {
  const sizes = await Promise.all((await filesUnder(root)).map(async (file) => (await stat(file)).size));
  return sizes.reduce((sum, size) => sum + size, 0);
}

/** The median wall time of the runs that succeeded, or FAILED when any failed. */
function medianSeconds(runs: Ran[]): number {
  if (runs.some((ran) => ran.code !== 0)) return FAILED;
  return runs.map((ran) => ran.seconds).sort((a, b) => a - b)[Math.floor(runs.length / 2)];
}

const perSecond = (mb: number, s: number) => (s > 0 ? mb / s : FAILED);

/** A fresh copy of the report for a tool that edits it where it is. */
async function freshCopy(report: string, into: string): Promise<string> {
  const copy = join(into, report.split('/').at(-1)!);
  await cp(report, copy, { recursive: true, verbatimSymlinks: true });
  return copy;
}

const NOT_RUN = {
  redact_s: FAILED,
  redact_copy_s: FAILED,
  sos_clean_s: FAILED,
  redact_files: FAILED,
  input_mb: FAILED,
  redact_mb_per_s: FAILED,
  redact_copy_mb_per_s: FAILED,
  sos_clean_mb_per_s: FAILED,
  redact_speedup_vs_sos: FAILED,
  redact_copy_speedup_vs_sos: FAILED,
};

/**
 * Both tools get the same extracted sos report, RUNS times each, whole processes timed from start to exit.
 * sos clean edits a folder in place, so the like-for-like figure is `redact --in-place`, each run of either
 * on a fresh copy (copying is not timed); `redact --out`, which writes a whole new folder, is shown beside.
 */
async function redactStep(tmp: string, archive: string | undefined) {
  if (!archive) {
    line('redact (sos report input)', 'skipped', 'no sos report to redact');
    return NOT_RUN;
  }
  const extracted = join(tmp, 'extracted');
  await mkdir(extracted);
  const untar = await run('tar', ['xf', archive, '-C', extracted]);
  if (untar.code !== 0) throw new Error(`tar xf ${archive} failed: ${tail(untar.stderr)}`);
  const report = (await onlyEntry(extracted, /^sosreport-/))!;
  const inputMb = (await bytesUnder(report)) / 1e6;
  const inPlace: Ran[] = [];
  const copied: Ran[] = [];
  const sos: Ran[] = [];
  for (let i = 0; i < RUNS; i++) {
    const ours = await freshCopy(report, await mkdtemp(join(tmp, 'for-redact-')));
    inPlace.push(await run(process.execPath, [DIAG_BIN, 'redact', ours, '--in-place']));
    copied.push(await run(process.execPath, [DIAG_BIN, 'redact', report, '--out', join(tmp, `redacted-report-${i}`)]));
    const sosInput = await freshCopy(report, await mkdtemp(join(tmp, 'for-sos-clean-')));
    await mkdir(join(tmp, `sos-clean-${i}`));
    sos.push(await run('sos', ['clean', '--batch', '--quiet', '--tmp-dir', join(tmp, `sos-clean-${i}`), sosInput]));
  }
  for (const [what, runs] of [
    ['steward-diag redact --in-place', inPlace],
    ['steward-diag redact --out', copied],
    ['sos clean', sos],
  ] as const) {
    const failed = runs.find((ran) => ran.code !== 0);
    if (failed) toolFailed(what, failed);
  }
  const files = Number(/(\d+) files redacted/.exec(inPlace[0].stdout)?.[1] ?? FAILED);
  const inPlaceS = medianSeconds(inPlace);
  const copiedS = medianSeconds(copied);
  const sosS = medianSeconds(sos);
  const shown = (s: number) => (s === FAILED ? 'failed' : `${s.toFixed(2)} s, ${(inputMb / s).toFixed(1)} MB/s`);
  const speedup = (s: number) => (s > 0 && sosS > 0 ? sosS / s : FAILED);
  const times = (n: number) => (n === FAILED ? 'failed' : `${n.toFixed(1)}×`);
  line(`sos report to redact`, `${files} files`, `${inputMb.toFixed(1)} MB, median of ${RUNS} runs each`);
  line('sos clean (in place)', shown(sosS));
  line('redact --in-place', shown(inPlaceS), `${times(speedup(inPlaceS))} sos clean, goal ≥ 10×`);
  line('redact --out (a new folder)', shown(copiedS), `${times(speedup(copiedS))} sos clean`);
  return {
    redact_s: inPlaceS,
    redact_copy_s: copiedS,
    sos_clean_s: sosS,
    redact_files: files,
    input_mb: inputMb,
    redact_mb_per_s: perSecond(inputMb, inPlaceS),
    redact_copy_mb_per_s: perSecond(inputMb, copiedS),
    sos_clean_mb_per_s: perSecond(inputMb, sosS),
    redact_speedup_vs_sos: speedup(inPlaceS),
    redact_copy_speedup_vs_sos: speedup(copiedS),
  };
}

function describe(result: ReturnType<typeof score>): string {
  const leaked = result.leaked.length ? `leaked: ${result.leaked.join(', ')}` : 'nothing leaked';
  const lost = result.lost.length ? `decoys lost: ${result.lost.join(', ')}` : 'no decoy lost';
  return `${leaked}; ${lost}`;
}

/** Ours learns users from home paths and the domain from resolv.conf; sos 4.x has no user-name option, and learns the domain from the hostname file. */
async function corpusStep(tmp: string) {
  const corpus = join(tmp, 'sosreport-corpus');
  const files = await writeCorpus(corpus);
  const sosInput = join(tmp, 'corpus-for-sos', 'sosreport-corpus');
  await cp(corpus, sosInput, { recursive: true });
  const keywordArgs = KEYWORDS.flatMap((keyword) => ['--keyword', keyword]);
  const ours = await run(process.execPath, [DIAG_BIN, 'redact', corpus, '--out', join(tmp, 'corpus-redacted'), ...keywordArgs]);
  if (ours.code !== 0) throw new Error(`steward-diag redact (corpus) failed: ${tail(ours.stderr)}`);
  const oursScore = score(await textUnder(join(tmp, 'corpus-redacted')));

  await mkdir(join(tmp, 'corpus-sos-clean'));
  const sos = await run('sos', ['clean', '--batch', '--quiet', '--tmp-dir', join(tmp, 'corpus-sos-clean'), '--keywords', KEYWORDS.join(','), sosInput]);
  const sosOut = sos.code === 0 ? await onlyEntry(join(tmp, 'corpus-sos-clean'), /^sosreport-(?!.*private_map$)(?!.*\.log$)/) : undefined;
  if (!sosOut) toolFailed('sos clean (corpus)', sos);
  const sosScore = sosOut ? score(await textUnder(sosOut)) : undefined;

  const percent = (n: number) => `${(n * 100).toFixed(0)} %`;
  line(
    `corpus recall (${PLANTED.length} planted, ${files} files)`,
    percent(oursScore.recall),
    `beside sos clean ${sosScore ? percent(sosScore.recall) : 'failed'}`,
  );
  line(
    'corpus false positives (decoys)',
    percent(oursScore.falsePositiveRate),
    `beside sos clean ${sosScore ? percent(sosScore.falsePositiveRate) : 'failed'}`,
  );
  line('  steward-diag', '', describe(oursScore));
  if (sosScore) line('  sos clean (keywords given; no user option)', '', describe(sosScore));
  return {
    redact_recall: oursScore.recall,
    redact_false_positive_rate: oursScore.falsePositiveRate,
    redact_false_positives: oursScore.lost.length,
    sos_clean_recall: sosScore?.recall ?? FAILED,
    sos_clean_false_positive_rate: sosScore?.falsePositiveRate ?? FAILED,
    sos_clean_false_positives: sosScore?.lost.length ?? FAILED,
  };
}

export async function diagBench(): Promise<Record<string, number>> {
  process.stdout.write('diag: steward-diag beside sos (collect, redact of the same sos report, recall on a planted corpus)\n');
  const tmp = await mkdtemp(join(tmpdir(), 'steward-diag-bench-'));
  try {
    const collected = await collectStep(tmp);
    const redacted = await redactStep(tmp, collected.archive);
    const corpus = await corpusStep(tmp);
    const figures = {
      collect_s: collected.collect_s,
      sos_report_s: collected.sos_report_s,
      collect_bytes: collected.collectBytes,
      sos_report_bytes: collected.sosBytes,
      ...redacted,
      ...corpus,
    };
    return Object.fromEntries(Object.entries(figures).map(([name, value]) => [name, round(value)]));
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
