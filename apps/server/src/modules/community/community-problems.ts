import { Problem } from '../../platform/errors.ts';

export const communityProblems = {
  notMember: () => new Problem(403, 'community-membership-required', 'Join the community first'),
  userNameTaken: () => new Problem(409, 'user-name-taken', 'This user name is taken; choose another'),
  userNameReserved: () =>
    new Problem(400, 'validation-failed', 'The request is not valid', {
      errors: [{ field: 'userName', message: 'is reserved for the vendor’s own staff' }],
      detail: 'userName: is reserved for the vendor’s own staff',
    }),
  deletionPending: () =>
    new Problem(409, 'community-deletion-pending', 'Your community account is being deleted; you can join again once it is gone, within 24 hours'),
  restricted: () => new Problem(409, 'processing-restricted', 'Processing of this account is restricted; lift the restriction to post or join'),
};
