import { retentionRules } from './retention/rules.ts';

/** Each retention rule in the words of the rule the retention engine enforces, so the two cannot differ. */
export function describeRetention(rule: string): string {
  return retentionRules.find((candidate) => candidate.id === rule)?.description ?? `Kept under retention rule “${rule}”`;
}
