import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStaging, stageFile, writeBundle } from '../bundle/write-bundle.ts';
import { runCli } from '../run-cli.test-helper.ts';

let dir: string;
let bundle: string;
const hostile = '<script>alert("owned")</script> & <img src="http://example.invalid/x.png">\n';

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'diag-view-test-'));
  const staging = await createStaging();
  await stageFile(staging, 'hosts', 'hosts.txt', '127.0.0.1 localhost\n');
  await stageFile(staging, 'product-logs', 'files/agent.log', hostile);
  await stageFile(staging, 'product-logs', 'files/core.bin', Buffer.from([0, 1, 2, 0xff, 0xfe]));
  bundle = (await writeBundle({ staging, outDir: dir, tool: { name: 'steward-diag', version: 'test' }, now: new Date('2026-11-23T12:00:00Z') })).path;
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('steward-diag view', () => {
  it('[DIAG-3] lists every file with its section, size and sha256 prefix', async () => {
    const { code, stdout } = await runCli(['view', bundle]);
    expect(code).toBe(0);
    expect(stdout).toContain('3 files');
    expect(stdout).toMatch(/hosts\s+hosts\/hosts\.txt\s+20\s+[0-9a-f]{12}\n/);
    expect(stdout).toMatch(/product-logs\s+product-logs\/files\/agent\.log\s+\d+\s+[0-9a-f]{12}/);
    expect(stdout).toContain('product-logs/files/core.bin');
  });

  it('[DIAG-3] prints one file exactly, and refuses a path that is not in the bundle', async () => {
    expect((await runCli(['view', bundle, 'product-logs/files/agent.log'])).stdout).toBe(hostile);
    expect((await runCli(['view', bundle, 'hosts/hosts.txt'])).stdout).toBe('127.0.0.1 localhost\n');
    const missing = await runCli(['view', bundle, 'hosts/shadow']);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('not in the bundle');
  });

  it('[DIAG-3][DIAG-7] --html writes one private, self-contained page with every file, escaped', async () => {
    const out = join(dir, 'page.html');
    const { code, stdout } = await runCli(['view', '--html', bundle, '--out', out]);
    expect(code).toBe(0);
    expect(stdout.trim()).toBe(out);
    expect((await stat(out)).mode & 0o777).toBe(0o600);
    const html = await readFile(out, 'utf8');
    for (const path of ['hosts/hosts.txt', 'product-logs/files/agent.log', 'product-logs/files/core.bin']) expect(html).toContain(path);
    expect(html).toContain('127.0.0.1 localhost');
    expect(html).toContain('&lt;script&gt;alert(&quot;owned&quot;)&lt;/script&gt; &amp; &lt;img src=&quot;http://example.invalid/x.png&quot;&gt;');
    expect(html).not.toMatch(/<script|<img|<link|\ssrc="|href="http/i);
    expect(html).toContain('Binary file, 5 bytes');
    expect(html).toContain('<a href="#s-hosts">hosts</a>');
  });

  it('[DIAG-3] --html defaults to a page next to the bundle', async () => {
    const { stdout } = await runCli(['view', '--html', bundle]);
    expect(stdout.trim()).toBe(bundle.replace(/\.tar\.gz$/, '.html'));
    expect((await stat(stdout.trim())).mode & 0o777).toBe(0o600);
  });

  it('refuses a damaged bundle with a clear message', async () => {
    const broken = join(dir, 'broken.tar.gz');
    await import('node:fs/promises').then(({ writeFile }) => writeFile(broken, 'not a bundle'));
    const result = await runCli(['view', broken]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^steward-diag: not a readable gzip stream/);
  });
});
