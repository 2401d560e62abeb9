import { execFile } from 'node:child_process';

export type CommandOptions = { timeoutMs?: number; maxBytes?: number };

/** Why a probe produced no file; its message becomes the section's note. */
export class ProbeFailure extends Error {}

/**
 * Runs a local program (never a shell) and resolves with its standard output.
 * A missing program, a timeout or a non-zero exit without output is a ProbeFailure.
 */
export function runCommand(command: string, args: string[], { timeoutMs = 5_000, maxBytes = 16 * 1024 * 1024 }: CommandOptions = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      { timeout: timeoutMs, maxBuffer: maxBytes, windowsHide: true, env: { ...process.env, LC_ALL: 'C', LANG: 'C' } },
      (error, stdout, stderr) => {
        if (!error) return resolve(stdout);
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') return reject(new ProbeFailure(`${command} is not installed`));
        if (error.killed || error.signal) return reject(new ProbeFailure(`${command} ${args.join(' ')} stopped after ${timeoutMs} ms`));
        if (stdout.trim() !== '') return resolve(stdout);
        reject(
          new ProbeFailure(
            `${command} ${args.join(' ')} failed: ${String(stderr || error.message)
              .trim()
              .slice(0, 2_000)}`,
          ),
        );
      },
    );
  });
}
