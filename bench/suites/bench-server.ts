import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { buildApp } from '../../apps/server/src/app.ts';
import { createVerifiedUser } from '../../apps/server/src/cli/create-staff.ts';
import type { Auth } from '../../apps/server/src/modules/accounts/auth.ts';
import { loadConfig } from '../../apps/server/src/platform/config.ts';
import { type ScratchDatabase, scratchDatabase } from '../../apps/server/src/platform/db/scratch-database.ts';
import { openRuntime, type Runtime } from '../../apps/server/src/platform/runtime.ts';

export interface BenchServer {
  runtime: Runtime;
  auth: Auth;
  url: string;
  close(): Promise<void>;
}

/** A real server on a fresh database, listening on loopback, with the API rate limit out of the way. */
export async function startBenchServer(): Promise<BenchServer & { database: ScratchDatabase }> {
  const database = await scratchDatabase('steward_bench', (line) => process.stderr.write(`${line}\n`));
  const config = loadConfig({
    DATABASE_URL: database.url,
    STEWARD_DATA_DIR: mkdtempSync(join(tmpdir(), 'steward-bench-')),
    STEWARD_MASTER_KEY: randomBytes(32).toString('base64'),
    LOG_LEVEL: 'silent',
    RATE_LIMIT_PER_MINUTE: String(10_000_000),
  });
  const runtime = await openRuntime(config, { jobs: false });
  const { app, auth } = await buildApp(runtime.deps);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
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
  /** Headers for the n-th request, e.g. to spread load over many device tokens. */
  headersFor?: (n: number) => Record<string, string>;
}

/** autocannon against one URL until `until` settles (or for `seconds`), latencies in ms. */
export async function load(url: string, cookie: string, options: LoadOptions): Promise<Load> {
  let sent = 0;
  const headers = { cookie, 'content-type': 'application/json', ...options.headers };
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections: options.connections ?? 8,
        duration: options.seconds ?? 600,
        method: options.method ?? 'GET',
        headers,
        body: options.body,
        requests: options.headersFor ? [{ setupRequest: (request) => ({ ...request, headers: { ...headers, ...options.headersFor?.(sent++) } }) }] : undefined,
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    if (options.until) void options.until.finally(() => instance.stop());
  });
  // autocannon's stop leaves the last requests in flight; the server finishes them before closing.
  await new Promise((resolve) => setTimeout(resolve, 500));
  if (result.non2xx > 0) throw new Error(`${result.non2xx} of ${result.requests.total} requests failed during the load`);
  return { requests: result.requests.total, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}
