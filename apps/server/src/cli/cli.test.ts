import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, inject, it } from 'vitest';

const run = promisify(execFile);
const main = new URL('../main.ts', import.meta.url).pathname;

function env() {
  return {
    ...process.env,
    BASE_URL: 'http://localhost:3000',
    DATABASE_URL: inject('databaseUrl'),
    STEWARD_DATA_DIR: mkdtempSync(join(tmpdir(), 'steward-cli-')),
    LOG_LEVEL: 'silent',
  };
}

describe('steward CLI', () => {
  it('creates a staff account and prints a generated password once', async () => {
    const { stdout } = await run(process.execPath, [main, 'staff', 'create', '--email', `cli-${Date.now()}@example.test`, '--role', 'dpo'], { env: env() });
    expect(stdout).toMatch(/has role dpo/);
    expect(stdout).toMatch(/password: \S{12,}/);
  });

  it('refuses an unknown role with a clear message', async () => {
    await expect(run(process.execPath, [main, 'staff', 'create', '--email', 'x@example.test', '--role', 'king'], { env: env() })).rejects.toMatchObject({
      stderr: expect.stringContaining('role'),
    });
  });

  it('seeds demo data twice without harm', async () => {
    const first = await run(process.execPath, [main, 'seed', '--demo'], { env: env() });
    const second = await run(process.execPath, [main, 'seed', '--demo'], { env: env() });
    expect(first.stdout).toContain('ada@demo.steward.local');
    expect(second.stdout).toContain('dpo@demo.steward.local');
  });

  it('verifies the audit chain', async () => {
    const { stdout } = await run(process.execPath, [main, 'audit', 'verify'], { env: env() });
    expect(stdout).toMatch(/audit log intact: \d+ entries/);
  });

  it('prints one line per bad variable and exits non-zero', async () => {
    const result = run(process.execPath, [main, 'migrate'], { env: { ...env(), PORT: 'x', DATABASE_URL: 'mysql://nope' } });
    await expect(result).rejects.toMatchObject({ stderr: expect.stringMatching(/PORT[\s\S]*DATABASE_URL|DATABASE_URL[\s\S]*PORT/) });
  });
});
