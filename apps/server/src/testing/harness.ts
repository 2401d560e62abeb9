import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { Redis } from 'ioredis';
import { inject } from 'vitest';
import { buildApp, type RouteEntry } from '../app.ts';
import type { Auth } from '../modules/accounts/auth.ts';
import { publishCurrentPolicy } from '../modules/privacy/publish-policy.ts';
import { honourRights } from '../modules/privacy/rights/rights-mailer.ts';
import { createAuditLog } from '../platform/audit/record-audit-entry.ts';
import { TestClock } from '../platform/clock.ts';
import { type Config, loadConfig } from '../platform/config.ts';
import { openDatabase } from '../platform/db/pool.ts';
import type { Deps } from '../platform/deps.ts';
import { createLogger } from '../platform/logger.ts';
import type { Mailer } from '../platform/notify/mailer.ts';
import { outboxMailer } from '../platform/notify/mailer.ts';
import { outboxSms } from '../platform/notify/sms.ts';

export const BASE_URL = 'http://localhost:3000';
export const TEST_MASTER_KEY = Buffer.alloc(32, 7).toString('base64');

export function testConfig(env: Record<string, string> = {}): Config {
  // Each app keeps its files in a folder of its own, never in the checkout's .steward.
  const dataDir = mkdtempSync(join(tmpdir(), 'steward-test-data-'));
  return loadConfig({
    DATABASE_URL: inject('databaseUrl'),
    BASE_URL,
    STEWARD_MASTER_KEY: TEST_MASTER_KEY,
    STEWARD_DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    ...env,
  });
}

export interface TestApp {
  app: FastifyInstance;
  routes: RouteEntry[];
  auth: Auth;
  deps: Deps;
  clock: TestClock;
  close(): Promise<void>;
}

export async function createTestApp(
  options: { mailer?: Mailer; redis?: boolean; logStream?: NodeJS.WritableStream; databaseUrl?: string; env?: Record<string, string> } = {},
): Promise<TestApp> {
  const config = testConfig({
    ...options.env,
    ...(options.redis ? { REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' } : {}),
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
  });
  const database = openDatabase(config.databaseUrl as string, 5);
  const clock = new TestClock();
  const redis = config.redisUrl ? new Redis(config.redisUrl) : undefined;
  const log = createLogger(options.logStream ? 'info' : 'silent', options.logStream);
  const base = {
    config,
    db: database.db,
    pool: database.pool,
    clock,
    log,
    mailer: honourRights(options.mailer ?? outboxMailer(database.db), database.db),
    sms: outboxSms(database.db),
    jobs: undefined,
    redis,
  };
  const deps: Deps = { ...base, audit: createAuditLog(database.db, clock) };
  const { app, auth, routes } = await buildApp(deps);
  await app.ready();
  await publishCurrentPolicy(deps);
  return {
    app,
    routes,
    auth,
    deps,
    clock,
    close: async () => {
      await app.close();
      await redis?.quit();
      await database.close();
    },
  };
}

/** A fresh address and a fresh client IP, so tests never share rate-limit buckets. */
export function newVisitor() {
  const id = randomBytes(6).toString('hex');
  return {
    email: `user-${id}@example.test`,
    password: `pw-${id}-Correct-Horse`,
    ip: `10.${randomBytes(1)[0]}.${randomBytes(1)[0]}.${1 + (randomBytes(1)[0] % 250)}`,
  };
}

export type Visitor = ReturnType<typeof newVisitor>;

export function cookiesFrom(response: LightMyRequestResponse): string {
  const setCookie = response.headers['set-cookie'];
  const list = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  return list.map((c) => c.split(';')[0]).join('; ');
}
