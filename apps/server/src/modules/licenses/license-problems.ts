import type { CodeProblem } from '@steward/client';
import { Problem, problems } from '../../platform/errors.ts';

const CODE_MESSAGES: Record<CodeProblem, string> = {
  format: 'is not an activation code: it has 25 letters and digits in five groups',
  check: 'has a typing mistake: its check character does not match',
};

export const licenseProblems = {
  /** A mistyped code is refused here, before anything is looked up. */
  badCode: (problem: CodeProblem) => problems.invalidField('code', CODE_MESSAGES[problem]),
  notFound: () => new Problem(404, 'license-not-found', 'No such license'),
  alreadyOwned: () => new Problem(409, 'license-already-owned', 'This license belongs to another account'),
  seatsExceeded: () => new Problem(409, 'seats-exceeded', 'Every seat of this license is in use; release one first'),
  expired: () => new Problem(409, 'license-expired', 'This license has expired'),
  revoked: () => new Problem(409, 'license-revoked', 'This license was revoked'),
  bindingNotFound: () => new Problem(404, 'binding-not-found', 'No such binding of this license'),
  deviceNotFound: () => problems.notFound('device'),
  notRenewable: () => new Problem(409, 'license-not-renewable', 'A perpetual license has no term to renew'),
  noAutoRenewal: () => new Problem(409, 'auto-renew-unavailable', 'Only a subscription renews automatically'),
  deviceTokenInvalid: () => new Problem(401, 'device-token-invalid', 'The device token is not valid, revoked, or not allowed to fetch licenses'),
  fingerprintMismatch: () => new Problem(409, 'fingerprint-mismatch', 'The fingerprint is not the one of this device'),
};
