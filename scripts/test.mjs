// `npm test`: every unit and integration test (vitest), then the browser tests (Playwright),
// ending with one plain summary line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureWebBuild } from './lib/web-build.mjs';

const root = new URL('..', import.meta.url).pathname;
const out = mkdtempSync(join(tmpdir(), 'steward-test-'));
const run = (cmd, args, env = {}) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;

const vitestJson = join(out, 'vitest.json');
const vitestStatus = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);

let e2eStatus = 0;
const playwrightJson = join(out, 'playwright.json');
if (!existsSync('/usr/bin/chromium') && !process.env.STEWARD_CHROMIUM) {
  process.stderr.write('Chromium is missing: install it (apt-get install -y chromium) to run the browser tests.\n');
  e2eStatus = 1;
} else {
  ensureWebBuild();
  e2eStatus = run('npx', ['playwright', 'test', '--config', 'e2e/playwright.config.ts', '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson,
  });
}

let passed = 0;
let failed = 0;
if (existsSync(vitestJson)) {
  const report = JSON.parse(readFileSync(vitestJson, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
}
if (existsSync(playwrightJson)) {
  const stats = JSON.parse(readFileSync(playwrightJson, 'utf8')).stats;
  passed += stats.expected;
  failed += stats.unexpected + stats.flaky * 0;
}
if ((vitestStatus !== 0 || e2eStatus !== 0) && failed === 0) failed = 1;
process.stdout.write(`\ntests: ${passed} passed, ${failed} failed\n`);
process.exit(vitestStatus || e2eStatus);
