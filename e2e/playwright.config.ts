import { defineConfig } from '@playwright/test';
import { BASE_URL, repoRoot } from './support/env.ts';

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  // Separate output directories let two runs share a checkout (Playwright empties its own at start).
  outputDir: process.env.STEWARD_E2E_OUTPUT_DIR || './test-results',
  timeout: 120_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: BASE_URL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
        '--disable-quic',
      ],
    },
  },
  webServer: {
    command: `${JSON.stringify(process.execPath)} ${JSON.stringify(`${import.meta.dirname}/support/serve.ts`)}`,
    cwd: repoRoot,
    url: `${BASE_URL}/healthz`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
