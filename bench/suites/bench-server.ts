import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../../apps/server/src/app.ts';
import { createVerifiedUser } from '../../apps/server/src/cli/create-staff.ts';
import type { Auth } from '../../apps/server/src/modules/accounts/auth.ts';
import { loadConfig } from '../../apps/server/src/platform/config.ts';
import { type ScratchDatabase, scratchDatabase } from '../../apps/server/src/platform/db/scratch-database.ts';
import { openRuntime, type Runtime } from '../../apps/server/src/platform/runtime.ts';
import type { DeviceTokens } from './device-tokens.ts';
import type { LoadJob } from './load-worker.ts';

export interface BenchServer {
  runtime: Runtime;
  auth: Auth;
  url: string;
  close(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** A real server on a fresh database, listening on loopback, with the API rate limit out of the way. */
export async function startBenchServer(): Promise<BenchServer & { database: ScratchDatabase }> {
  const database = await scratchDatabase('steward_bench', (line) => process.stderr.write(`${line}\n`));
  // The base URL is where the server listens, so sign-ins from other clients (the device simulator) pass the origin check.
  const port = await freePort();
  const config = loadConfig({
    PORT: String(port),
    BASE_URL: `http://127.0.0.1:${port}`,
    DATABASE_URL: database.url,
    STEWARD_DATA_DIR: mkdtempSync(join(tmpdir(), 'steward-bench-')),
    STEWARD_MASTER_KEY: randomBytes(32).toString('base64'),
    LOG_LEVEL: 'silent',
    RATE_LIMIT_PER_MINUTE: String(10_000_000),
  });
  const runtime = await openRuntime(config, { jobs: false });
  const { app, auth } = await buildApp(runtime.deps);
  await app.listen({ port, host: '127.0.0.1' });
  const url = config.baseUrl;
  return {
    runtime,
    auth,
    url,
    database,
    close: async () => {
      await app.close();
      await runtime.close();
      await database.drop();
    },
  };
}

/** Signs a fresh verified account in and returns its session cookie. */
export async function signedInCookie(server: BenchServer): Promise<{ cookie: string; userId: string; email: string; password: string }> {
  const email = `bench-${randomBytes(4).toString('hex')}@example.test`;
  const password = 'bench-password-long-enough';
  const { userId } = await createVerifiedUser(server.auth, server.runtime.deps, { email, role: 'user', password });
  const response = await fetch(`${server.url}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.runtime.deps.config.baseUrl },
    body: JSON.stringify({ email, password }),
  });
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { cookie, userId, email, password };
}

export interface Load {
  requests: number;
  rps: number;
  p50: number;
  p99: number;
}

export interface LoadOptions {
  seconds?: number;
  until?: Promise<unknown>;
  connections?: number;
  method?: 'GET' | 'POST';
  body?: string;
  headers?: Record<string, string>;
  /** Spread the requests over seeded devices' tokens (device-tokens.ts). */
  deviceTokens?: DeviceTokens;
}

/** autocannon, in a process of its own, against one URL until `until` settles (or for `seconds`); latencies in ms. */
export async function load(url: string, cookie: string, options: LoadOptions): Promise<Load> {
  const job: LoadJob = {
    url,
    connections: options.connections ?? 8,
    seconds: options.seconds ?? 600,
    method: options.method ?? 'GET',
    headers: { cookie, 'content-type': 'application/json', ...options.headers },
    body: options.body,
    deviceTokens: options.deviceTokens,
  };
  const generator = fork(fileURLToPath(new URL('./load-worker.ts', import.meta.url)));
  const result = new Promise<Load & { non2xx: number }>((resolve, reject) => {
    generator.once('message', (message) => resolve(message as Load & { non2xx: number }));
    generator.once('error', reject);
    generator.once('exit', (code) => reject(new Error(`the load generator exited with ${code}`)));
  });
  generator.send(job);
  if (options.until) void options.until.finally(() => generator.send('stop'));
  const done = await result;
  generator.kill();
  // autocannon's stop leaves the last requests in flight; the server finishes them before closing.
  await new Promise((resolve) => setTimeout(resolve, 500));
  if (done.non2xx > 0) throw new Error(`${done.non2xx} of ${done.requests} requests failed during the load`);
  return { requests: done.requests, rps: done.rps, p50: done.p50, p99: done.p99 };
}
