import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The repository root (this file is e2e/support/env.ts). */
export const repoRoot = resolve(import.meta.dirname, '..', '..');

export const PORT = Number(process.env.STEWARD_E2E_PORT || 3917);
export const BASE_URL = `http://localhost:${PORT}`;

// The config is loaded again in every worker; the first load picks the data directory and
// the workers inherit it through the environment.
process.env.STEWARD_E2E_DATA_DIR ||= mkdtempSync(join(tmpdir(), 'steward-e2e-'));
export const DATA_DIR = process.env.STEWARD_E2E_DATA_DIR;

/** Where the e2e server's web build goes; a separate directory lets two runs share a checkout. */
export const WEB_DIST = process.env.STEWARD_E2E_WEB_DIST || join(repoRoot, 'apps', 'web', 'dist');

export const STAFF = {
  email: 'staff@example.test',
  password: 'staff-e2e-Passw0rd!',
  role: 'admin',
};

/** What the server processes started for the tests see. */
export function serverEnv(): Record<string, string> {
  const env: Record<string, string> = {
    PORT: String(PORT),
    STEWARD_DATA_DIR: DATA_DIR,
    STEWARD_WEB_DIST: WEB_DIST,
    LOG_LEVEL: process.env.LOG_LEVEL || 'warn',
    // Every browser and API client of the run shares one address, which would be forty people behind one NAT;
    // the limits themselves are tested by the server's own tests.
    RATE_LIMIT_PER_MINUTE: process.env.RATE_LIMIT_PER_MINUTE || '3000',
    // The built-in test store takes the e2e purchases; without it a server on DATABASE_URL sells nothing.
    STEWARD_STORE: process.env.STEWARD_STORE || 'test',
    // Likewise the built-in test mail provider, for connecting mailboxes by its consent page.
    STEWARD_MAIL_PROVIDER: process.env.STEWARD_MAIL_PROVIDER || 'test',
  };
  if (process.env.DATABASE_URL) env.DATABASE_URL = process.env.DATABASE_URL;
  if (process.env.REDIS_URL) env.REDIS_URL = process.env.REDIS_URL;
  return env;
}
