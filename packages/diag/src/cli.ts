import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { BundleError } from './bundle/bundle-error.ts';
import { isSection, SECTIONS, type Section } from './collect/probe.ts';
import { registerRedact } from './redact/command.ts';
import { SendRefused } from './send/send-refused.ts';
import { TOOL } from './tool.ts';
import { formatListing } from './view/format-listing.ts';

// Commands import their heavy modules (collectors, bundle reader, HTML writer) when they run: loading them all took
// a few tenths of a second, which every run of another command, `redact` above all, paid for nothing.

function sectionList(value: string, previous: Section[] = []): Section[] {
  const names = value.split(',').map((name) => name.trim());
  for (const name of names) {
    if (!isSection(name)) throw new InvalidArgumentError(`unknown section "${name}"; sections: ${SECTIONS.join(', ')}`);
  }
  return [...previous, ...(names as Section[])];
}

const program = new Command('steward-diag')
  .description('Collects diagnostics into a local bundle that you can read, redact and then decide to send. Nothing is saved until you run collect.')
  .version(TOOL.version);

program
  .command('collect')
  .description(`Collect diagnostics into a bundle (sections: ${SECTIONS.join(', ')}). Nothing is sent.`)
  .option('--out <dir>', 'folder for the bundle', join(homedir(), '.steward-diag'))
  .option('--section <names>', 'only these sections (repeatable or comma-separated)', sectionList)
  .option('--product-logs <dir>', "folder with the product's own logs")
  .action(async (options: { out: string; section?: Section[]; productLogs?: string }) => {
    const { collect } = await import('./collect/run-collect.ts');
    const result = await collect({
      outDir: resolve(options.out),
      sections: options.section,
      productLogsDir: options.productLogs && resolve(options.productLogs),
      onProgress: (line) => process.stderr.write(`${line}\n`),
    });
    process.stderr.write(`${result.manifest.files.length} files (${result.notes} notes) in ${result.seconds.toFixed(1)} s; nothing was sent.\n`);
    process.stdout.write(`${result.path}\n`);
  });

program
  .command('view')
  .description('List the files of a bundle, print one file, or write a local HTML page with all of them')
  .argument('<bundle>', 'bundle file (.tar.gz)')
  .argument('[path]', 'file inside the bundle to print')
  .option('--html', 'write a self-contained HTML page (mode 0600)')
  .option('--out <file>', 'where to write the HTML page (default: next to the bundle)')
  .action(async (bundle: string, path: string | undefined, options: { html?: boolean; out?: string }) => {
    if (options.html) {
      const { writeHtml } = await import('./view/write-html.ts');
      const written = await writeHtml(resolve(bundle), options.out && resolve(options.out));
      process.stdout.write(`${written}\n`);
      return;
    }
    const { readBundle } = await import('./bundle/read-bundle.ts');
    const { manifest, files } = await readBundle(resolve(bundle));
    if (path === undefined) {
      process.stdout.write(formatListing(manifest));
      return;
    }
    const data = path === 'manifest.json' ? Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`) : files.get(path);
    if (!data) throw new InvalidArgumentError(`${path} is not in the bundle; run "steward-diag view ${bundle}" for the list`);
    process.stdout.write(data);
  });

registerRedact(program);
// `send` is registered by its own module; a run of another named command leaves it out, as it never needs it.
if (!['collect', 'view', 'redact'].includes(process.argv[2])) (await import('./send/command.ts')).registerSend(program);

program.parseAsync().then(
  () => process.exit(process.exitCode ?? 0),
  (error: unknown) => {
    if (error instanceof BundleError || error instanceof InvalidArgumentError || error instanceof SendRefused)
      process.stderr.write(`steward-diag: ${error.message}\n`);
    else process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
