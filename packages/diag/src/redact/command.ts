import type { Command } from 'commander';
import { MapFileError } from './map-file.ts';
import { RedactInputError } from './redact-input-error.ts';
import { redactPath } from './redact-path.ts';
import { REDACTION_KINDS, type RedactionCounts } from './redaction-map.ts';

const KIND_LABELS: Record<(typeof REDACTION_KINDS)[number], string> = {
  ipv4: 'IPv4 addresses',
  ipv6: 'IPv6 addresses',
  mac: 'MAC addresses',
  email: 'email addresses',
  hostname: 'host names',
  domain: 'domain names',
  user: 'user names',
  keyword: 'keywords',
};

/** The per-kind table the command prints: kind, distinct values, replacements. */
export function formatCounts(counts: RedactionCounts): string {
  const rows = [
    ['kind', 'distinct', 'replaced'],
    ...REDACTION_KINDS.map((kind) => [KIND_LABELS[kind], String(counts[kind].distinct), String(counts[kind].replacements)]),
  ];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return rows.map((row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ')).join('\n');
}

function repeatable(value: string, previous: string[]): string[] {
  return [...previous, value];
}

export function registerRedact(program: Command): void {
  program
    .command('redact')
    .description(
      'Write a redacted copy of a bundle or folder: IP and MAC addresses, host, domain and user names, email addresses and your keywords are replaced consistently. The mapping stays on this computer (mode 0600).',
    )
    .argument('<path>', 'bundle (.tar.gz) or folder to redact; it is not changed unless --in-place is given')
    .option('--out <path>', 'where to write the redacted copy (default: <name>-redacted beside the input)')
    .option('--in-place', 'redact a folder where it is, as sos clean does: changed files are rewritten, and files that cannot be redacted are removed')
    .option('--keyword <word>', 'also replace this word, case-insensitively (repeatable)', repeatable, [])
    .option('--map <file>', 'mapping file to reuse or create (default: beside the output, never inside it)')
    .action(async (path: string, options: { out?: string; inPlace?: boolean; keyword: string[]; map?: string }) => {
      try {
        const result = await redactPath({ input: path, out: options.out, inPlace: options.inPlace, keywords: options.keyword, mapPath: options.map });
        const dropped = options.inPlace ? 'removed' : 'left out';
        // One write: a report can have hundreds of links, and a write per line costs more than the redaction of a file.
        const notes = [
          ...result.warnings.map((warning) => `warning: ${warning}\n`),
          ...result.skipped.map((file) => `${dropped} (${file.reason}): ${file.path}\n`),
        ];
        if (notes.length > 0) process.stderr.write(notes.join(''));
        process.stdout.write(`${formatCounts(result.counts)}\n\n`);
        process.stdout.write(`${result.files} files redacted ${options.inPlace ? 'in' : 'into'} ${result.out}\n`);
        process.stdout.write(`Map ${result.mapExisted ? 'updated' : 'written'}: ${result.mapPath} (keep it private; never send it)\n`);
      } catch (error) {
        if (!(error instanceof RedactInputError || error instanceof MapFileError)) throw error;
        process.stderr.write(`steward-diag: ${error.message}\n`);
        process.exitCode = 1;
      }
    });
}
