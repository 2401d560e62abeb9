import type { Config } from './config.ts';

/**
 * Whether a built-in stand-in for a third party (the test store, the test mail provider) runs: as its switch says, else
 * in embedded mode and under the test runner, where nobody relies on it for real payments or real mail.
 */
export function standInWanted(
  choice: 'test' | 'off' | undefined,
  config: Pick<Config, 'databaseUrl'>,
  env: Record<string, string | undefined> = process.env,
): boolean {
  if (choice !== undefined) return choice === 'test';
  return config.databaseUrl === undefined || env.NODE_ENV === 'test';
}
