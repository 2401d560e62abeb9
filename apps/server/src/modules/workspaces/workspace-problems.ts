import { problems } from '../../platform/errors.ts';

export const workspaceProblems = {
  notFound: () => problems.notFound('workspace'),
  forbidden: (need: string) => problems.forbidden(`Only a workspace ${need} may do this`),
  notColleague: () => problems.invalidField('userId', 'must be a member of your company'),
  lastOwner: () => problems.conflict('last-owner', 'A workspace keeps at least one owner'),
  tooMany: (what: string, max: number) => problems.conflict('too-many', `A limit of ${max} ${what} applies`),
  licenseNotUsable: () => problems.invalidField('licenseId', 'must be one of your company’s licenses that has not ended'),
};
