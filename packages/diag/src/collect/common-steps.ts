import { type FileHandle, lstat, open, readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import si from 'systeminformation';
import type { Step } from './probe.ts';
import { type CommandOptions, ProbeFailure, runCommand } from './run-command.ts';

const MAX_CONFIG_FILE = 1024 * 1024;

/** Reads what a size-less file (as under /proc) gives, up to `maxBytes`. */
async function readStreamed(handle: FileHandle, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  while (total < maxBytes) {
    const chunk = Buffer.alloc(Math.min(64 * 1024, maxBytes - total));
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
    if (bytesRead === 0) break;
    chunks.push(chunk.subarray(0, bytesRead));
    total += bytesRead;
  }
  return Buffer.concat(chunks);
}

/**
 * Reads at most `maxBytes` from the end of a regular file. Devices, sockets and folders are refused;
 * symbolic links are followed only when asked (system configuration such as /etc/os-release is often one).
 */
export async function readTail(path: string, maxBytes: number, followLinks = false): Promise<Buffer> {
  const info = followLinks ? await stat(path) : await lstat(path);
  if (!info.isFile()) throw new ProbeFailure(`${path} is not a regular file`);
  const handle = await open(path, 'r');
  try {
    if (info.size === 0) return await readStreamed(handle, maxBytes);
    const length = Math.min(info.size, maxBytes);
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, info.size - length);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

export function fileStep(name: string, path: string, maxBytes = MAX_CONFIG_FILE, followLinks = false): Step {
  return {
    name,
    run: async () => {
      try {
        return await readTail(path, maxBytes, followLinks);
      } catch (error) {
        if (error instanceof ProbeFailure) throw error;
        throw new ProbeFailure(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
      }
    },
  };
}

export function commandStep(name: string, command: string, args: string[], parse?: (output: string) => unknown, options?: CommandOptions): Step {
  return {
    name,
    run: async () => {
      const output = await runCommand(command, args, options);
      return parse ? (parse(output) as object) : output;
    },
  };
}

/** A system configuration file; links are followed because distributions link these (e.g. /etc/os-release). */
export function configFileStep(name: string, path: string): Step {
  return fileStep(name, path, MAX_CONFIG_FILE, true);
}

/** The names in a folder (e.g. /etc/init.d), or a note when it cannot be read. */
export function folderListingStep(name: string, path: string): Step {
  return {
    name,
    run: async () => {
      try {
        return { folder: path, names: (await readdir(path)).sort().slice(0, 5_000) };
      } catch (error) {
        throw new ProbeFailure(`cannot list ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
      }
    },
  };
}

export function valueStep(name: string, read: () => Promise<unknown>): Step {
  return { name, run: async () => (await read()) as object };
}

type LogLimits = { maxFiles: number; maxFileBytes: number; maxTotalBytes: number; maxDepth: number };
const LOG_LIMITS: LogLimits = { maxFiles: 50, maxFileBytes: 8 * 1024 * 1024, maxTotalBytes: 32 * 1024 * 1024, maxDepth: 3 };

async function listRegularFiles(root: string, maxDepth: number): Promise<{ path: string; size: number }[]> {
  const found: { path: string; size: number }[] = [];
  const walk = async (dir: string, depth: number): Promise<void> => {
    for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory() && depth < maxDepth) await walk(path, depth + 1);
      if (entry.isFile()) found.push({ path, size: (await lstat(path)).size });
    }
  };
  await walk(root, 0);
  return found;
}

function bundleName(root: string, path: string): string {
  return `files/${relative(root, path)
    .split(sep)
    .join('/')
    .replace(/[^A-Za-z0-9._/-]/g, '_')
    .replace(/(^|\/)\.+(?=\/|$)/g, '$1_')}`;
}

/** The product's own log files, newest bytes first when a file is too large; a listing records what was left out. */
export async function productLogSteps(root: string, limits: LogLimits = LOG_LIMITS): Promise<Step[]> {
  let files: { path: string; size: number }[];
  try {
    files = await listRegularFiles(root, limits.maxDepth);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return [{ name: 'listing.json', run: async () => Promise.reject(new ProbeFailure(`cannot list ${root}: ${reason}`)) }];
  }
  let budget = limits.maxTotalBytes;
  const steps: Step[] = [];
  const listing = files.map((file, index) => {
    const included = index < limits.maxFiles && budget > 0;
    const bytes = included ? Math.min(file.size, limits.maxFileBytes, budget) : 0;
    budget -= bytes;
    if (included) steps.push(fileStep(bundleName(root, file.path), file.path, bytes));
    return { file: relative(root, file.path), size: file.size, includedBytes: bytes };
  });
  return [valueStep('listing.json', async () => ({ folder: root, files: listing })), ...steps];
}

/** Hardware and operating system as systeminformation sees them, the same on every platform. */
export function systemInformationSteps(): Step[] {
  return [
    valueStep('system.json', () => si.system()),
    valueStep('cpu.json', () => si.cpu()),
    valueStep('memory.json', () => si.mem()),
    valueStep('os.json', () => si.osInfo()),
  ];
}
