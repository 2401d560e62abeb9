import { ProbeFailure, runCommand } from './run-command.ts';

/** `<program> --version` for each browser or mail client; a program that is absent is reported as null. */
export async function clientVersions(programs: string[], timeoutMs = 5_000): Promise<Record<string, string | null>> {
  const results = await Promise.all(
    programs.map(async (program) => {
      try {
        const output = await runCommand(program, ['--version'], { timeoutMs, maxBytes: 64 * 1024 });
        return [program, output.trim().split('\n').at(-1)?.slice(0, 200) ?? ''] as const;
      } catch (error) {
        if (error instanceof ProbeFailure) return [program, error.message.endsWith('is not installed') ? null : error.message] as const;
        throw error;
      }
    }),
  );
  return Object.fromEntries(results);
}
