import { Problem } from '../../platform/errors.ts';

export const mailguardProblems = {
  notFound: () => new Problem(404, 'connection-not-found', 'No such mailbox or file store connection'),
  licenseUnusable: () => new Problem(409, 'license-unusable', 'This license has expired or was revoked; renew it to connect or scan'),
  seatsExceeded: () => new Problem(409, 'seats-exceeded', 'Every seat of this license protects a mailbox or file store already; disconnect one first'),
  kindNotOffered: () =>
    new Problem(400, 'validation-failed', 'The request is not valid', {
      errors: [{ field: 'kind', message: 'is not offered by this provider' }],
      detail: 'kind: is not offered by this provider',
    }),
  setupRefused: (reason: string) => new Problem(409, 'automatic-setup-refused', 'The provider refused the automatic setup', { detail: reason }),
  noAutomaticSetup: () => new Problem(409, 'automatic-setup-unavailable', 'This provider offers no automatic setup; connect each mailbox instead'),
};
