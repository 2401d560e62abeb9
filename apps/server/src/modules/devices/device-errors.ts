import { Problem } from '../../platform/errors.ts';

/** The problems of the device functions, each with its stable code. */
export const deviceErrors = {
  /** One answer for a wrong, expired or used code, so a guesser learns nothing. */
  enrollmentCodeInvalid: () =>
    new Problem(400, 'enrollment-code-invalid', 'This enrollment code does not work', {
      detail: 'A code works once and for 15 minutes; create a new one in your account.',
      errors: [{ field: 'code', message: 'is not a valid enrollment code' }],
    }),
  tooManyEnrollmentCodes: (max: number) =>
    new Problem(409, 'too-many-enrollment-codes', 'You have too many open enrollment codes', {
      detail: `At most ${max} codes can be open at once; use one or let it expire.`,
    }),
  tooManyDevices: (max: number) => new Problem(409, 'too-many-devices', 'This account has as many devices as it may', { detail: `The limit is ${max}.` }),
  deviceUnauthenticated: () =>
    new Problem(401, 'device-unauthenticated', 'The device token is not valid', {
      detail: 'Send `Authorization: Bearer <device token>`; a device that was unlinked must be enrolled again.',
      headers: { 'www-authenticate': 'Bearer' },
    }),
  locationRefused: (field: string) =>
    new Problem(400, 'location-refused', 'Location is never accepted', {
      detail: 'Steward does not take, store or track where a device is. Send the check-in without location fields.',
      errors: [{ field, message: 'is location data, which Steward refuses' }],
    }),
  unconfirmed: () =>
    new Problem(400, 'validation-failed', 'The request is not valid', {
      detail: 'confirm: a command runs only when confirmed; send confirm: true',
      errors: [{ field: 'confirm', message: 'must be true to send the command' }],
    }),
  commandPending: (kind: string) =>
    new Problem(409, 'command-pending', `A ${kind} command is already waiting for this device`, {
      detail: 'The device has not answered the last one yet.',
    }),
  problemNotFixable: () => new Problem(409, 'problem-not-fixable', 'This problem is not open or cannot be fixed remotely'),
  commandClosed: () => new Problem(409, 'command-closed', 'This command was already answered or cancelled'),
  checkinUnavailable: () => new Problem(503, 'checkin-unavailable', 'The check-in could not be stored; try again shortly', { headers: { 'retry-after': '5' } }),
};
