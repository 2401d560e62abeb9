import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BundleError } from '../bundle/bundle-error.ts';
import { createStaging, removeStaging, stageFile, writeBundle } from '../bundle/write-bundle.ts';
import { runCli } from '../run-cli.test-helper.ts';
import { type SendIo, sendBundle } from './send-bundle.ts';
import { SendRefused } from './send-refused.ts';

const TOKEN = 'A'.repeat(43);
type Received = { headers: IncomingHttpHeaders; body: Buffer };

let dir: string;
let bundle: string;
let server: Server;
let received: Received[];
let base: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'diag-send-test-'));
  const staging = await createStaging();
  await stageFile(staging, 'hosts', 'hosts.txt', '127.0.0.1 localhost\n');
  await stageFile(staging, 'system', 'os.json', '{"distro":"Debian"}\n');
  bundle = (await writeBundle({ staging, outDir: dir, tool: { name: 'steward-diag', version: 'test' }, now: new Date() })).path;
  await removeStaging(staging);
  received = [];
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks) });
      response.writeHead(201, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ reportId: 'report-1', sha256: request.headers['x-bundle-sha256'] }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  vi.restoreAllMocks();
  await new Promise((resolve) => server.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

function io(interactive = false, answer = ''): SendIo & { output: string[]; asked: string[] } {
  const output: string[] = [];
  const asked: string[] = [];
  return {
    output,
    asked,
    interactive,
    write: (text) => output.push(text),
    ask: async (question) => {
      asked.push(question);
      return answer;
    },
  };
}

const options = (extra: Partial<Parameters<typeof sendBundle>[0]> = {}) => ({ bundle, request: '42', token: TOKEN, server: base, yes: false, ...extra });

describe('steward-diag send', () => {
  it('[DIAG-4] refuses plain http to a host other than this computer without any network attempt', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    for (const server of ['http://support.example.com', 'http://192.0.2.10:8080', 'ftp://localhost']) {
      await expect(sendBundle(options({ server, yes: true }), io())).rejects.toThrow(SendRefused);
    }
    expect(fetchSpy).not.toHaveBeenCalled();
    const cli = await runCli(['send', bundle, '--request', '42', '--token', TOKEN, '--server', 'http://support.example.com', '--yes']);
    expect(cli.code).not.toBe(0);
    expect(cli.stderr).toContain('only over https');
  });

  it('[DIAG-4] sends nothing without consent: no terminal and no --yes, or an answer other than y', async () => {
    const quiet = io(false);
    await expect(sendBundle(options(), quiet)).rejects.toThrow(/--yes/);
    const declined = io(true, 'n');
    await expect(sendBundle(options(), declined)).rejects.toThrow('nothing was sent');
    expect(declined.asked).toEqual(['Send this bundle to request 42? [y/N] ']);
    const cli = await runCli(['send', bundle, '--request', '42', '--token', TOKEN, '--server', base]);
    expect(cli.code).not.toBe(0);
    expect(cli.stderr).toContain('nothing was sent');
    expect(received).toEqual([]);
  });

  it('refuses a broken bundle before sending anything', async () => {
    const broken = join(dir, 'broken.tar.gz');
    await writeFile(broken, (await readFile(bundle)).subarray(0, 40));
    await expect(sendBundle(options({ bundle: broken, yes: true }), io())).rejects.toThrow(BundleError);
    expect(received).toEqual([]);
  });

  it('[DIAG-4] with consent, shows what leaves and sends exactly the bundle bytes with their sha256', async () => {
    const bytes = await readFile(bundle);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const asked = io(true, 'y');
    expect(await sendBundle(options(), asked)).toEqual({ reportId: 'report-1', sha256 });
    const listing = asked.output.join('');
    expect(listing).toContain('hosts/hosts.txt');
    expect(listing).toMatch(/system\/os\.json\s+20 bytes/);
    expect(listing).toContain(`${bytes.length} bytes (compressed), sha256 ${sha256}`);

    const cli = await runCli(['send', bundle, '--request', '42', '--token', TOKEN, '--server', base, '--yes']);
    expect(cli.code, cli.stderr).toBe(0);
    expect(cli.stdout).toContain('report-1');
    expect(received).toHaveLength(2);
    for (const request of received) {
      expect(request.body.equals(bytes)).toBe(true);
      expect(request.headers).toMatchObject({ 'x-bundle-sha256': sha256, authorization: `Bearer ${TOKEN}`, 'content-type': 'application/gzip' });
      expect(Number.isNaN(Date.parse(String(request.headers['x-steward-consent'])))).toBe(false);
    }
  });
});
