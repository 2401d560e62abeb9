import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { registerRedact } from './command.ts';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('steward-diag redact', () => {
  it('[DIAG-8] prints the counts per kind and where the map is, and writes the redacted copy', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'redact-command-'));
    try {
      await mkdir(join(dir, 'in'));
      await writeFile(join(dir, 'in', 'a.log'), 'peer 10.0.0.1 and 10.0.0.2 for Project Kestrel\n');
      const printed: string[] = [];
      vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
        printed.push(String(chunk));
        return true;
      });
      const program = new Command('steward-diag').exitOverride();
      registerRedact(program);
      const out = join(dir, 'out');
      const map = join(dir, 'private', 'map.json');
      await mkdir(join(dir, 'private'));
      await program.parseAsync(['redact', join(dir, 'in'), '--out', out, '--keyword', 'kestrel', '--map', map], { from: 'user' });
      const text = printed.join('');
      expect(text).toMatch(/IPv4 addresses\s+2\s+2\n/);
      expect(text).toMatch(/keywords\s+1\s+1\n/);
      expect(text).toContain(`Map written: ${map}`);
      expect(await readFile(join(out, 'a.log'), 'utf8')).toBe('peer 240.0.0.1 and 240.0.0.2 for Project redacted-keyword-0\n');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
