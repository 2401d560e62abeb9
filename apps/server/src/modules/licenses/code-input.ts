import { parseActivationCode } from '@steward/client';
import { codeHash } from './issue-license.ts';
import { licenseProblems } from './license-problems.ts';

/** The hash to look a typed code up by; a code that is malformed or fails its check character is refused first. */
export function hashOfTypedCode(input: string): string {
  const parsed = parseActivationCode(input);
  if ('problem' in parsed) throw licenseProblems.badCode(parsed.problem);
  return codeHash(parsed.code);
}
