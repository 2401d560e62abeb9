import type { Deps } from '../../../platform/deps.ts';
import { problems } from '../../../platform/errors.ts';
import { countOpen, openRequest } from './requests.ts';
import { exportedColumns, subjectLinks } from './subject-links.ts';

export const MAX_OPEN_CORRECTIONS = 10;

/**
 * The fields a person can ask us to correct: the exported personal columns of their data, less our
 * own records of handling it (the audit log, request records, security notes), which record what
 * happened rather than describe the person.
 */
export function correctableFields(): string[] {
  return subjectLinks()
    .filter((link) => link.idColumn)
    .flatMap((link) =>
      exportedColumns(link)
        .filter((c) => c.annotation.basis !== 'legal-obligation' && c.annotation.category !== 'security')
        .map((c) => `${link.table}.${c.column}`),
    )
    .sort();
}

/** Rectification of what the account page cannot edit: a request for staff, with the person's own words. */
export async function requestCorrection(deps: Pick<Deps, 'db' | 'clock'>, userId: string, field: string, text: string) {
  if (!correctableFields().includes(field)) throw problems.invalidField('field', 'is not a field of your data; see GET /api/privacy/corrections/fields');
  if ((await countOpen(deps, userId, 'rectification')) >= MAX_OPEN_CORRECTIONS) {
    throw problems.conflict('too-many-open-requests', `At most ${MAX_OPEN_CORRECTIONS} corrections can wait at once`);
  }
  const request = await openRequest(deps, userId, 'rectification', { details: { field, text } });
  return { requestId: request.id, dueAt: request.dueAt };
}
