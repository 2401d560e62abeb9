import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { extract } from 'tar';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readBundle } from '../bundle/read-bundle.ts';
import { runCli } from '../run-cli.test-helper.ts';
import { SECTIONS } from './probe.ts';
import { collect } from './run-collect.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'diag-collect-test-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function freshFolders(...names: string[]): Promise<string[]> {
  return Promise.all(
    names.map(async (name) => {
      await mkdir(join(dir, name), { recursive: true });
      return join(dir, name);
    }),
  );
}

/** A preload that records, then refuses, every way a Node program could open a connection. */
const DENY_NETWORK = `
import { appendFileSync } from 'node:fs';
import dgram from 'node:dgram';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
const deny = (what) => () => { appendFileSync(process.env.DENY_NETWORK_LOG, what + '\\n'); throw new Error('network use refused: ' + what); };
net.Socket.prototype.connect = deny('net.Socket.connect');
dgram.Socket.prototype.send = deny('dgram.send');
dgram.Socket.prototype.connect = deny('dgram.connect');
tls.connect = deny('tls.connect');
http.request = http.get = deny('http.request');
https.request = https.get = deny('https.request');
globalThis.fetch = deny('fetch');
`;

describe('steward-diag collect', () => {
  it('[DIAG-1] importing the package and asking for help writes nothing', async () => {
    const [home, temp] = await freshFolders('home', 'tmp');
    const env = { HOME: home, TMPDIR: temp };
    for (const args of [['--help'], ['collect', '--help'], ['view', '--help'], ['--version']]) {
      expect((await runCli(args, env)).code).toBe(0);
    }
    const index = pathToFileURL(join(import.meta.dirname, '..', 'index.ts')).href;
    const imported = spawnSync(process.execPath, ['--input-type=module', '-e', `await import(${JSON.stringify(index)})`], { env: { ...process.env, ...env } });
    expect(imported.status).toBe(0);
    expect(await readdir(home)).toEqual([]);
    expect(await readdir(temp)).toEqual([]);
  });

  it('[DIAG-2][DIAG-7] a real collect opens no network connection and leaves a 0600 bundle in a 0700 ~/.steward-diag', async () => {
    const [home, temp] = await freshFolders('home', 'tmp');
    const preload = join(dir, 'deny-network.mjs');
    const log = join(dir, 'network-attempts.log');
    await writeFile(preload, DENY_NETWORK);
    const env = { HOME: home, TMPDIR: temp, DENY_NETWORK_LOG: log, NODE_OPTIONS: `--import ${pathToFileURL(preload).href}` };

    spawnSync(process.execPath, ['-e', "require('node:net').connect(9, '127.0.0.1')"], { env: { ...process.env, ...env } });
    expect(await readFile(log, 'utf8')).toContain('net.Socket.connect');
    await rm(log);

    const result = await runCli(['collect', '--section', 'system,network,software,packages'], env);
    expect(result.stderr).toContain('nothing was sent');
    expect(result.code).toBe(0);
    await expect(stat(log)).rejects.toMatchObject({ code: 'ENOENT' });

    const outDir = join(home, '.steward-diag');
    expect((await stat(outDir)).mode & 0o777).toBe(0o700);
    const bundle = result.stdout.trim();
    expect(bundle.startsWith(outDir)).toBe(true);
    expect((await stat(bundle)).mode & 0o777).toBe(0o600);
    expect(await readdir(temp)).toEqual([]);
  });

  it('[DIAG-6] a real collect on this machine fills every section and its manifest hashes match the files', async () => {
    const logs = join(dir, 'product-logs');
    await mkdir(join(logs, 'old'), { recursive: true });
    await writeFile(join(logs, 'agent.log'), 'agent started\n');
    await writeFile(join(logs, 'old', 'agent.1.log'), 'agent stopped\n');
    const progress: string[] = [];
    const started = performance.now();
    const result = await collect({ outDir: join(dir, 'out'), productLogsDir: logs, onProgress: (line) => progress.push(line) });
    expect(performance.now() - started).toBeLessThan(20_000);

    expect(progress).toHaveLength(SECTIONS.length);
    expect(progress.at(-1)).toMatch(new RegExp(`^\\[${SECTIONS.length}/${SECTIONS.length}\\] `));
    for (const section of SECTIONS) {
      const data = result.manifest.files.filter((file) => file.section === section && !file.path.endsWith('.note.txt'));
      expect(data.length, `${section} has data files`).toBeGreaterThan(0);
    }
    const paths = result.manifest.files.map((file) => file.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'system/os.json',
        'system/memory.json',
        'hosts/hosts.txt',
        'config/resolv.conf',
        'software/client-versions.json',
        'disks/filesystems.json',
      ]),
    );
    expect(paths).toEqual(expect.arrayContaining(['product-logs/files/agent.log', 'product-logs/files/old/agent.1.log']));

    const unpacked = join(dir, 'unpacked');
    await mkdir(unpacked);
    await extract({ file: result.path, cwd: unpacked });
    const manifest = JSON.parse(await readFile(join(unpacked, 'manifest.json'), 'utf8'));
    expect(manifest).toEqual(result.manifest);
    for (const file of result.manifest.files) {
      const data = await readFile(join(unpacked, file.path));
      expect(createHash('sha256').update(data).digest('hex'), file.path).toBe(file.sha256);
      expect(data.length).toBe(file.bytes);
    }
    expect((await readFile(join(unpacked, 'hosts/hosts.txt'), 'utf8')).length).toBeGreaterThan(0);
    expect((await readBundle(result.path)).files.size).toBe(result.manifest.files.length);
  });

  it('collects only the chosen sections, and a failing probe leaves a note instead of failing the run', async () => {
    const result = await collect({ outDir: join(dir, 'out'), sections: ['hosts', 'product-logs'], productLogsDir: join(dir, 'no-such-folder') });
    expect(result.manifest.files.map((file) => file.path).sort()).toEqual(['hosts/hosts.txt', 'product-logs/listing.note.txt']);
    const { files } = await readBundle(result.path);
    expect(files.get('product-logs/listing.note.txt')?.toString()).toContain('ENOENT');
    expect(result.notes).toBe(1);
  });

  it('refuses an unknown section name', async () => {
    const result = await runCli(['collect', '--section', 'passwords', '--out', dir]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('unknown section');
    expect(await readdir(dir)).toEqual([]);
  });
});
