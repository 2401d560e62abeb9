import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_MASTER_KEY, type TestApp } from '../../../testing/harness.ts';
import { downloadExport } from './exports.ts';
import { runExport } from './run-export.ts';
import { privacyExport } from './schema.ts';
import { blobStoreOf } from './subject-blobs.ts';
import { newSubject } from './test-subjects.ts';

const main = new URL('../../../main.ts', import.meta.url).pathname;
const FILES = 40;
const FILE_BYTES = 1024 * 1024;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function progressOf(requestId: string): Promise<{ status: string; progress: number }> {
  const [row] = await t.deps.db.select().from(privacyExport).where(eq(privacyExport.requestId, requestId));
  return { status: row.status, progress: row.progress };
}

describe('an export whose worker is killed', () => {
  it('[RIGHT-1] resumes where it stopped and finishes with every file', async () => {
    const subject = await newSubject(t);
    const blobs = blobStoreOf(t.deps);
    for (let i = 0; i < FILES; i++) {
      await blobs.put({
        subjectId: subject.userId,
        purpose: 'support-attachment',
        fileName: `trace-${i}.bin`,
        contentType: 'application/octet-stream',
        data: randomBytes(FILE_BYTES),
        maxBytes: FILE_BYTES,
      });
    }
    const { requestId } = (await subject.browser.request('POST', '/api/privacy/exports')).json();

    // The worker is a separate process, killed without warning once it is adding files.
    const worker = spawn(process.execPath, [main, 'dsr', 'run-export', requestId], {
      env: {
        ...process.env,
        DATABASE_URL: t.deps.config.databaseUrl,
        STEWARD_DATA_DIR: t.deps.config.dataDir,
        STEWARD_MASTER_KEY: TEST_MASTER_KEY,
        BASE_URL: t.deps.config.baseUrl,
        LOG_LEVEL: 'silent',
      },
      stdio: 'ignore',
    });
    const exited = new Promise((resolve) => worker.on('exit', resolve));
    let seen = await progressOf(requestId);
    for (let i = 0; i < 600 && seen.progress < 35 && seen.status !== 'ready'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      seen = await progressOf(requestId);
    }
    worker.kill('SIGKILL');
    await exited;
    const killed = await progressOf(requestId);
    expect(killed.status).not.toBe('ready');
    expect(killed.progress).toBeGreaterThan(0);

    await runExport(t.deps, requestId);
    expect((await progressOf(requestId)).status).toBe('ready');
    const zip = unzipSync(new Uint8Array(await downloadExport(t.deps, subject.userId, requestId)));
    expect(Object.keys(zip).filter((name) => name.startsWith('files/'))).toHaveLength(FILES);
  }, 120_000);
});
