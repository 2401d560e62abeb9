import type { FastifyBaseLogger } from 'fastify';
import type { Redis } from 'ioredis';
import type pg from 'pg';
import type { AuditLog } from './audit/audit-log.ts';
import type { Clock } from './clock.ts';
import type { Config } from './config.ts';
import type { Db } from './db/pool.ts';
import type { Jobs } from './jobs/boss.ts';
import type { Mailer } from './notify/mailer.ts';
import type { SmsSender } from './notify/sms.ts';

/** What every service function receives: plain values, so a test can hand in its own. */
export interface Deps {
  config: Config;
  db: Db;
  pool: pg.Pool;
  clock: Clock;
  log: FastifyBaseLogger;
  mailer: Mailer;
  sms: SmsSender;
  jobs: Jobs | undefined;
  redis: Redis | undefined;
  audit: AuditLog;
}
