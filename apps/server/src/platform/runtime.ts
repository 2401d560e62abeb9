import type { FastifyBaseLogger } from 'fastify';
import { Redis } from 'ioredis';
import { honourRights } from '../modules/privacy/rights/rights-mailer.ts';
import { createAuditLog } from './audit/record-audit-entry.ts';
import { type Clock, systemClock } from './clock.ts';
import type { Config } from './config.ts';
import { startEmbeddedPostgres } from './db/embedded.ts';
import { applyMigrations } from './db/migrate.ts';
import { openDatabase } from './db/pool.ts';
import type { Deps } from './deps.ts';
import { type Jobs, startJobs } from './jobs/boss.ts';
import { createLogger } from './logger.ts';
import { outboxMailer, smtpMailer } from './notify/mailer.ts';
import { outboxSms } from './notify/sms.ts';

export interface Runtime {
  deps: Deps;
  close(): Promise<void>;
}

export interface RuntimeOptions {
  clock?: Clock;
  /** The CLI's one-shot commands need no job runner. */
  jobs?: boolean;
  log?: FastifyBaseLogger;
}

/** Opens everything the services need, in order; `close` undoes it in reverse. */
export async function openRuntime(config: Config, options: RuntimeOptions = {}): Promise<Runtime> {
  const log = options.log ?? createLogger(config.logLevel);
  const closers: Array<() => Promise<unknown>> = [];
  try {
    let url = config.databaseUrl;
    if (!url) {
      const embedded = await startEmbeddedPostgres(config.dataDir, (line) => log.warn(line));
      closers.unshift(() => embedded.stop());
      url = embedded.url;
    }
    const database = openDatabase(url);
    closers.unshift(() => database.close());
    await applyMigrations(database.pool);
    let jobs: Jobs | undefined;
    if (options.jobs !== false) {
      jobs = await startJobs(url, (error) => log.error({ err: error }, 'job runner error'));
      const started = jobs;
      closers.unshift(() => started.stop({ graceful: true, timeout: 10_000 }));
    }
    let redis: Redis | undefined;
    if (config.redisUrl) {
      redis = new Redis(config.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 2 });
      await redis.connect();
      const connected = redis;
      closers.unshift(() => connected.quit());
    }
    const mailer = honourRights(config.smtpUrl ? smtpMailer(config.smtpUrl) : outboxMailer(database.db), database.db);
    const base = {
      config,
      db: database.db,
      pool: database.pool,
      clock: options.clock ?? systemClock,
      log,
      mailer,
      sms: outboxSms(database.db),
      jobs,
      redis,
    };
    const deps: Deps = { ...base, audit: createAuditLog(database.db, base.clock) };
    return {
      deps,
      close: async () => {
        for (const close of closers) await close().catch((error) => log.error({ err: error }, 'shutdown step failed'));
      },
    };
  } catch (error) {
    for (const close of closers) await close().catch(() => {});
    throw error;
  }
}
