import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.ts';

let t: TestApp;
beforeAll(async () => {
  // A web build of its own, so the files are served whether or not the real one has been built yet.
  const webDist = mkdtempSync(join(tmpdir(), 'steward-web-dist-'));
  mkdirSync(join(webDist, 'assets'));
  writeFileSync(join(webDist, 'index.html'), '<!doctype html><title>Steward</title>');
  writeFileSync(join(webDist, 'assets', 'index.js'), 'export {};');
  writeFileSync(join(webDist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '3', STEWARD_WEB_DIST: webDist } });
});
afterAll(() => t.close());

const get = (url: string) => t.app.inject({ method: 'GET', url, remoteAddress: '10.77.0.1' });

describe('the API-wide rate limit', () => {
  it('refuses a client past RATE_LIMIT_PER_MINUTE on the API with problem+json, but never the web app’s pages and files', async () => {
    for (let i = 0; i < 3; i++) expect((await get('/api/privacy/policy')).statusCode).toBe(200);
    const refused = await get('/api/privacy/policy');
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    for (const path of ['/account/preferences', '/assets/index.js', '/favicon.svg']) expect((await get(path)).statusCode, path).toBe(200);
  });
});
