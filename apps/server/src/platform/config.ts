import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REGIONS, regionName, regionOfCloudCode } from './regions.ts';

const DEFAULT_AUTHORITY = 'the data protection authority of the country where the operator of this Steward is established';
const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../../web/dist', import.meta.url));

export interface Config {
  port: number;
  host: string;
  baseUrl: string;
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  smtpUrl: string | undefined;
  s3Url: string | undefined;
  dataDir: string;
  masterKey: Buffer;
  /** The built web app; served when it exists. */
  webDist: string;
  logLevel: string;
  /** Requests per minute per client address across the API; the auth routes have tighter limits of their own. */
  rateLimitPerMinute: number;
  /** The lead supervisory authority the privacy policy names (RIGHT-2). */
  supervisoryAuthority: string;
  /** 'test' turns the built-in test store on, 'off' turns it off; unset leaves it to the mode (purchases/store-providers.ts). */
  store: 'test' | 'off' | undefined;
  /** The same for the built-in test mail provider of mail protection (mailguard/providers/mail-providers.ts). */
  mailProvider: 'test' | 'off' | undefined;
  /** Where this deployment stores and processes personal data (PRIN-3); stores outside it are refused. */
  region: string;
}

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Configuration is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.problems = problems;
  }
}

type Env = Record<string, string | undefined>;

function parseUrl(env: Env, name: string, protocols: string[], problems: string[]): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  try {
    const url = new URL(raw);
    if (!protocols.includes(url.protocol)) {
      problems.push(`${name} must start with ${protocols.map((p) => `${p}//`).join(' or ')} (got ${url.protocol}//)`);
      return undefined;
    }
    return raw;
  } catch {
    problems.push(`${name} is not a valid URL`);
    return undefined;
  }
}

function parsePort(env: Env, problems: string[]): number {
  const raw = env.PORT;
  if (raw === undefined || raw === '') return 3000;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    problems.push(`PORT must be a whole number from 0 to 65535 (got "${raw}")`);
    return 3000;
  }
  return port;
}

function parsePositive(env: Env, name: string, fallback: number, problems: string[]): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) {
    problems.push(`${name} must be a whole number above 0 (got "${raw}")`);
    return fallback;
  }
  return value;
}

/** A key made on first start stays in the data directory, readable by this user only. */
function loadMasterKey(env: Env, dataDir: string, problems: string[]): Buffer {
  const raw = env.STEWARD_MASTER_KEY;
  if (raw !== undefined && raw !== '') {
    const key = Buffer.from(raw, 'base64');
    if (key.length !== 32) problems.push('STEWARD_MASTER_KEY must be 32 bytes in base64 (44 characters)');
    return key;
  }
  const file = join(dataDir, 'master.key');
  if (existsSync(file)) return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const key = randomBytes(32);
  writeFileSync(file, `${key.toString('base64')}\n`, { mode: 0o600 });
  return key;
}

function parseRegion(env: Env, problems: string[]): string {
  const raw = env.STEWARD_REGION;
  if (raw === undefined || raw === '') return 'eu';
  if (raw in REGIONS) return raw;
  problems.push(`STEWARD_REGION must be one of ${Object.keys(REGIONS).join(', ')} (got "${raw}")`);
  return 'eu';
}

/** An object store named by a cloud region code must lie in the declared region (PRIN-3). */
function refuseStoreOutsideRegion(config: Config, problems: string[]): void {
  if (!config.s3Url) return;
  const code = new URL(config.s3Url).searchParams.get('region');
  if (!code) return;
  const region = regionOfCloudCode(code);
  if (region !== config.region) {
    const where = region ? `is in ${regionName(region)}` : 'is not a region Steward knows';
    problems.push(`S3_URL's region ${code} ${where}, outside the declared processing region ${regionName(config.region)} (STEWARD_REGION=${config.region})`);
  }
}

/** A switch for a built-in stand-in of a third party: "test" on, "off" off, unset left to the mode. */
function parseTestSwitch(env: Env, name: string, problems: string[]): 'test' | 'off' | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  if (raw === 'test' || raw === 'off') return raw;
  problems.push(`${name} must be "test" or "off" (got "${raw}")`);
  return undefined;
}

export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  const port = parsePort(env, problems);
  const dataDir = resolve(env.STEWARD_DATA_DIR || '.steward');
  const baseUrl = parseUrl(env, 'BASE_URL', ['http:', 'https:'], problems) ?? `http://localhost:${port}`;
  const config: Config = {
    port,
    host: env.HOST || '0.0.0.0',
    baseUrl: baseUrl.replace(/\/$/, ''),
    databaseUrl: parseUrl(env, 'DATABASE_URL', ['postgres:', 'postgresql:'], problems),
    redisUrl: parseUrl(env, 'REDIS_URL', ['redis:', 'rediss:'], problems),
    smtpUrl: parseUrl(env, 'SMTP_URL', ['smtp:', 'smtps:'], problems),
    s3Url: parseUrl(env, 'S3_URL', ['http:', 'https:', 's3:'], problems),
    dataDir,
    masterKey: Buffer.alloc(0),
    webDist: env.STEWARD_WEB_DIST || DEFAULT_WEB_DIST,
    logLevel: env.LOG_LEVEL || 'info',
    rateLimitPerMinute: parsePositive(env, 'RATE_LIMIT_PER_MINUTE', 300, problems),
    supervisoryAuthority: env.STEWARD_SUPERVISORY_AUTHORITY || DEFAULT_AUTHORITY,
    store: parseTestSwitch(env, 'STEWARD_STORE', problems),
    mailProvider: parseTestSwitch(env, 'STEWARD_MAIL_PROVIDER', problems),
    region: parseRegion(env, problems),
  };
  refuseStoreOutsideRegion(config, problems);
  if (problems.length === 0) config.masterKey = loadMasterKey(env, dataDir, problems);
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
