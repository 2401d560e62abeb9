#!/usr/bin/env node
// Node runs the TypeScript sources directly; before 22.18 that needs the flag.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
if (process.features.typescript) {
  await import(main);
} else {
  const result = spawnSync(process.execPath, ['--experimental-strip-types', '--no-warnings', main, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
