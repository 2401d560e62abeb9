import { Problem, problems } from '../../platform/errors.ts';

export const companyProblems = {
  blocked: () =>
    new Problem(403, 'company-blocked', 'The company’s access is blocked', {
      detail: 'An administrator of the company blocked it; personal accounts still work.',
    }),
  notAdministrator: () => problems.forbidden('Only the company’s administrators may do this'),
  noCompany: () => problems.notFound('company'),
  noMember: () => new Problem(404, 'member-not-found', 'No such member of your company'),
  alreadyInCompany: () =>
    problems.conflict('already-in-company', 'You already belong to a company; leave it first (a person belongs to one company at a time)'),
  ownerStays: () => problems.conflict('owner-stays', 'The company’s owner keeps that role and stays a member; hand the company over to a colleague first'),
  notOwner: () => problems.forbidden('Only the company’s owner may hand it over'),
};
