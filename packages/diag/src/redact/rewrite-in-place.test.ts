import { createHash } from 'node:crypto';
import { cp, lstat, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyIdentities, type Identities } from './identities.ts';
import { redactPath } from './redact-path.ts';

const LOG = `Nov 23 12:34:56 web01 sshd[812]: Accepted publickey for alice from 192.168.1.23 port 51234
Nov 23 12:35:01 web01 postfix/smtp[999]: to=<alice.smith@acme-corp.com>, relay=mail.acme-corp.com[203.0.113.9]:25
`;
const PLAIN = 'kernel 5.15.0-91-generic loaded libc.so.6\n';

function system(): Identities {
  const found = emptyIdentities();
  found.hosts.add('web01');
  found.domains.add('acme-corp.com');
  found.users.add('alice');
  return found;
}

/** Every entry under `root`: a file by its hash, anything else by its kind. */
async function entries(root: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    const key = path.slice(root.length + 1);
    if (entry.isFile())
      result[key] = createHash('sha256')
        .update(await readFile(path))
        .digest('hex');
    else if (!entry.isDirectory()) result[key] = entry.isSymbolicLink() ? 'link' : 'other';
  }
  return result;
}

let dir: string;
let folder: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'redact-in-place-'));
  folder = join(dir, 'sosreport-web01');
  await mkdir(join(folder, 'var', 'log'), { recursive: true });
  await mkdir(join(folder, 'sos_commands', 'web01'), { recursive: true });
  await writeFile(join(folder, 'var', 'log', 'messages'), LOG);
  await writeFile(join(folder, 'var', 'log', 'dmesg'), PLAIN);
  await writeFile(join(folder, 'sos_commands', 'web01', 'uptime'), 'up 3 days\n');
  await writeFile(join(folder, 'core.dmp'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2]));
  await symlink('var/log/messages', join(folder, 'messages'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('redactPath --in-place', () => {
  it('[DIAG-8] leaves the folder exactly as a redacted copy would be, with the same map', async () => {
    const twin = join(dir, 'twin');
    await cp(folder, twin, { recursive: true, verbatimSymlinks: true });
    const copy = await redactPath({ input: twin, out: join(dir, 'copy'), mapPath: join(dir, 'copy-map.json'), system: system() });
    const inPlace = await redactPath({ input: folder, inPlace: true, mapPath: join(dir, 'in-place-map.json'), system: system() });

    expect(inPlace.out).toBe(folder);
    expect(await entries(folder)).toEqual(await entries(copy.out));
    expect(Object.keys(await entries(folder))).toEqual(expect.arrayContaining(['var/log/messages', 'sos_commands/host0/uptime']));
    const messages = await readFile(join(folder, 'var', 'log', 'messages'), 'utf8');
    for (const secret of ['web01', 'alice', '192.168.1', '203.0.113.9', 'acme']) expect(messages).not.toContain(secret);
    expect(inPlace.skipped.map((file) => file.path).sort()).toEqual(['core.dmp', 'messages']);
    await expect(lstat(join(folder, 'sos_commands', 'web01'))).rejects.toThrow(/ENOENT/);
    expect(JSON.parse(await readFile(join(dir, 'in-place-map.json'), 'utf8')).entries).toEqual(
      JSON.parse(await readFile(join(dir, 'copy-map.json'), 'utf8')).entries,
    );
  });

  it('[DIAG-8] rewrites only the files redaction changed and keeps their permissions', async () => {
    await writeFile(join(folder, 'var', 'log', 'messages'), LOG, { mode: 0o640 });
    const untouched = await stat(join(folder, 'var', 'log', 'dmesg'));
    const changed = await stat(join(folder, 'var', 'log', 'messages'));
    await redactPath({ input: folder, inPlace: true, mapPath: join(dir, 'map.json'), system: system() });
    const after = await stat(join(folder, 'var', 'log', 'dmesg'));
    expect(after.ino).toBe(untouched.ino);
    expect(after.mtimeMs).toBe(untouched.mtimeMs);
    const rewritten = await stat(join(folder, 'var', 'log', 'messages'));
    expect(rewritten.ino).not.toBe(changed.ino);
    expect(rewritten.mode & 0o777).toBe(changed.mode & 0o777);
    expect(await readdir(join(folder, 'var', 'log'))).toEqual(expect.arrayContaining(['dmesg', 'messages']));
    expect((await readdir(join(folder, 'var', 'log'))).some((name) => name.endsWith('.steward-diag-part'))).toBe(false);
  });

  it('refuses a bundle, --out beside --in-place, a map inside the folder, and a rename onto an existing file, changing nothing', async () => {
    await mkdir(join(folder, 'sos_commands', 'host0'));
    await writeFile(join(folder, 'sos_commands', 'host0', 'uptime'), Buffer.from([0, 1, 2]));
    const before = await entries(folder);
    await expect(redactPath({ input: folder, inPlace: true, mapPath: join(dir, 'map.json'), system: system() })).rejects.toThrow(
      /would be renamed onto sos_commands\/host0\/uptime/,
    );
    await expect(redactPath({ input: folder, inPlace: true, out: join(dir, 'out'), system: system() })).rejects.toThrow(/cannot be used together/);
    await expect(redactPath({ input: folder, inPlace: true, mapPath: join(folder, 'map.json'), system: system() })).rejects.toThrow(/outside/);
    const bundle = join(dir, 'bundle.tar.gz');
    await writeFile(bundle, 'not read');
    await expect(redactPath({ input: bundle, inPlace: true, system: system() })).rejects.toThrow(/works on folders/);
    expect(await entries(folder)).toEqual(before);
  });
});
