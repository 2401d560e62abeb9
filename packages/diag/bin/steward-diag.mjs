#!/usr/bin/env node
// Node runs the TypeScript sources directly; before 22.18 that needs the flag.
import { spawnSync } from 'node:child_process';
import { enableCompileCache } from 'node:module';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
if (process.features.typescript) {
  // Keeps the compiled, type-stripped sources between runs (in the system's temporary folder), so
  // start-up falls from about 0.7 s to 0.2 s; only for redact, which writes files anyway: asking
  // for help, viewing and collecting leave nothing on the disk but what they are asked for (DIAG-1).
  if (process.argv[2] === 'redact') enableCompileCache?.();
  await import(main);
} else {
  const result = spawnSync(process.execPath, ['--experimental-strip-types', '--no-warnings', main, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
