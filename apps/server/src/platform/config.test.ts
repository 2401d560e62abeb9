import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration', () => {
  it('names every missing or malformed variable on its own line', () => {
    const env = {
      PORT: 'eighty',
      DATABASE_URL: 'mysql://x',
      REDIS_URL: 'not a url',
      SMTP_URL: 'http://mail',
      S3_URL: 'ftp://x',
      BASE_URL: 'localhost',
      STEWARD_MASTER_KEY: 'c2hvcnQ=',
    };
    let error: ConfigError | undefined;
    try {
      loadConfig(env);
    } catch (e) {
      error = e as ConfigError;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const joined = error?.problems.join('\n') ?? '';
    for (const name of ['PORT', 'DATABASE_URL', 'REDIS_URL', 'SMTP_URL', 'S3_URL', 'BASE_URL']) expect(joined).toContain(name);
  });

  it('reports a master key of the wrong length', () => {
    const dir = mkdtempSync(join(tmpdir(), 'steward-config-'));
    expect(() => loadConfig({ STEWARD_DATA_DIR: dir, STEWARD_MASTER_KEY: 'c2hvcnQ=' })).toThrow(/STEWARD_MASTER_KEY/);
  });

  it('generates a master key into the data directory, readable by the owner only, and reuses it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'steward-config-'));
    const first = loadConfig({ STEWARD_DATA_DIR: dir });
    const file = join(dir, 'master.key');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(first.masterKey).toHaveLength(32);
    expect(loadConfig({ STEWARD_DATA_DIR: dir }).masterKey.equals(first.masterKey)).toBe(true);
    expect(readFileSync(file, 'utf8').trim()).toBe(first.masterKey.toString('base64'));
  });

  it('defaults to port 3000 and embedded PostgreSQL', () => {
    const dir = mkdtempSync(join(tmpdir(), 'steward-config-'));
    const config = loadConfig({ STEWARD_DATA_DIR: dir });
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.baseUrl).toBe('http://localhost:3000');
  });

  it('[PRIN-3] refuses an object store in a cloud region outside the declared processing region', () => {
    const dir = mkdtempSync(join(tmpdir(), 'steward-config-'));
    const s3 = (region: string) => `https://key:secret@s3.example.test/bucket?region=${region}`;
    expect(loadConfig({ STEWARD_DATA_DIR: dir, S3_URL: s3('eu-central-1') }).region).toBe('eu');
    expect(() => loadConfig({ STEWARD_DATA_DIR: dir, S3_URL: s3('us-east-1') })).toThrow(
      /S3_URL's region us-east-1 is in the United States, outside the declared processing region the EU\/EEA/,
    );
    expect(() => loadConfig({ STEWARD_DATA_DIR: dir, S3_URL: s3('eu-west-2') })).toThrow(/the United Kingdom/);
    expect(() => loadConfig({ STEWARD_DATA_DIR: dir, S3_URL: s3('sa-east-1') })).toThrow(/not a region Steward knows/);
    expect(loadConfig({ STEWARD_DATA_DIR: dir, STEWARD_REGION: 'us', S3_URL: s3('us-east-1') }).region).toBe('us');
    expect(() => loadConfig({ STEWARD_DATA_DIR: dir, STEWARD_REGION: 'mars' })).toThrow(/STEWARD_REGION must be one of/);
  });
});
