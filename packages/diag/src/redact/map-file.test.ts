import { chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadRedactionMap, saveRedactionMap } from './map-file.ts';
import { emptyRedactionMap } from './redaction-map.ts';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'redaction-map-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('redaction map file', () => {
  it('[DIAG-8] saves with mode 0600 and loads the same map back', async () => {
    const path = join(dir, 'map.json');
    const map = emptyRedactionMap();
    map.entries.user.alice = 'user0';
    map.ipv4Networks['10.0.0'] = '240.0.0';
    await saveRedactionMap(path, map);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    const loaded = await loadRedactionMap(path);
    expect(loaded).toEqual({ map, existed: true, warnings: [] });
  });

  it('[DIAG-8] makes a map that others could read private again, with a warning', async () => {
    const path = join(dir, 'map.json');
    await saveRedactionMap(path, emptyRedactionMap());
    await chmod(path, 0o644);
    const loaded = await loadRedactionMap(path);
    expect(loaded.warnings).toEqual([expect.stringContaining('changed it to 600')]);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it('starts an empty map when the file does not exist, and refuses files that are not maps', async () => {
    expect(await loadRedactionMap(join(dir, 'none.json'))).toEqual({ map: emptyRedactionMap(), existed: false, warnings: [] });
    const bad = join(dir, 'bad.json');
    await writeFile(bad, '{"format":"steward-diag-redaction-map/1","entries":{"ipv4":{"1.2.3.4":5}}}', { mode: 0o600 });
    await expect(loadRedactionMap(bad)).rejects.toThrow(/entries.ipv4/);
    await writeFile(bad, 'not json', { mode: 0o600 });
    await expect(loadRedactionMap(bad)).rejects.toThrow(/not a JSON redaction map/);
    expect(await readFile(bad, 'utf8')).toBe('not json');
  });
});
