import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const bin = new URL('../../bin/steward.mjs', import.meta.url).pathname;
const dataDir = mkdtempSync(join(tmpdir(), 'steward-embedded-'));
const children: ChildProcess[] = [];

function env(port: number): NodeJS.ProcessEnv {
  const { DATABASE_URL: _ignored, ...rest } = process.env;
  return { ...rest, STEWARD_DATA_DIR: dataDir, PORT: String(port), BASE_URL: `http://localhost:${port}`, LOG_LEVEL: 'warn', STEWARD_MASTER_KEY: '' };
}

async function start(port: number): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, [bin, 'start'], { env: env(port), stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error(`server exited: ${output}`);
    const ready = await fetch(`http://localhost:${port}/readyz`).catch(() => undefined);
    if (ready?.ok) return { child, output: () => output };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`server did not become ready: ${output}`);
}

async function stop(child: ChildProcess, signal: NodeJS.Signals): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  child.kill(signal);
  return exited;
}

function postgresRunning(): boolean {
  try {
    return (
      execFileSync('pgrep', ['-f', join(dataDir, 'pg')])
        .toString()
        .trim().length > 0
    );
  } catch {
    return false;
  }
}

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
});

describe('steward start on embedded PostgreSQL', () => {
  it('runs without DATABASE_URL, keeps its data across restarts, and stops cleanly on SIGINT and SIGTERM', async () => {
    const first = await start(39411);
    expect(first.output()).toContain('First run: sign in to the staff console');
    expect(statSync(join(dataDir, 'master.key')).mode & 0o777).toBe(0o600);
    const signUp = await fetch('http://localhost:39411/api/auth/sign-up/email', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost:39411' },
      body: JSON.stringify({ email: 'kept@example.test', password: 'a-password-to-keep' }),
    });
    expect(signUp.status).toBe(200);
    expect(await stop(first.child, 'SIGINT')).toBe(0);
    expect(postgresRunning()).toBe(false);

    const second = await start(39412);
    expect(second.output()).not.toContain('First run');
    const again = await fetch('http://localhost:39412/api/auth/sign-in/email', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost:39412' },
      body: JSON.stringify({ email: 'kept@example.test', password: 'a-password-to-keep' }),
    });
    // Still there: the address is known but not yet verified.
    expect(again.status).toBe(403);
    expect(await stop(second.child, 'SIGTERM')).toBe(0);
    expect(postgresRunning()).toBe(false);
  }, 180_000);
});
