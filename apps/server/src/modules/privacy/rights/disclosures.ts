import type { Deps } from '../../../platform/deps.ts';
import { getProfile } from '../../accounts/profile.ts';
import { disclosure } from './schema.ts';

export interface DisclosureInput {
  userId: string;
  recipient: string;
  legalBasis: string;
  categories: string[];
  disclosedAt: Date;
  secretUntil: Date | null;
}

/** PRIN-4: each disclosure the law required is logged; the person sees it in their export unless the law keeps it secret for now. */
export async function recordDisclosure(deps: Deps, staff: { userId: string }, input: DisclosureInput) {
  await getProfile(deps, input.userId);
  const [row] = await deps.db
    .insert(disclosure)
    .values({ ...input, categories: [...new Set(input.categories)], recordedBy: staff.userId, recordedAt: deps.clock.now() })
    .returning({ id: disclosure.id });
  // The audit entry must not tell the subject early either: a secret one is filed without their id
  // as subject, so their export, which reads the audit log by that id, does not show it.
  await deps.audit.record({
    actorId: staff.userId,
    action: 'disclosure.record',
    reason: 'Record a disclosure the law required',
    subjectUserId: input.secretUntil ? undefined : input.userId,
    details: { disclosureId: row.id, ...(input.secretUntil ? { secretSubject: input.userId } : {}) },
  });
  return { id: row.id };
}
