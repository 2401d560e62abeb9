export { type CodeProblem, lastGroup, newActivationCode, parseActivationCode } from './activation-code.ts';
export {
  type ActivateInput,
  type Activation,
  type CheckinReport,
  type CommandKind,
  DeviceClient,
  type DeviceClientOptions,
  type DeviceCommand,
  type Enrolled,
  type EnrollInput,
  type HttpAnswer,
  type HttpTransport,
  type ProtectionStatus,
  type ReportedProblem,
  StewardProblem,
  type ValidateInput,
  type Validation,
} from './device-client.ts';
export { fingerprintHash } from './fingerprint.ts';
export {
  importLicensePublicKey,
  LICENSE_TOKEN_ISSUER,
  LICENSE_TOKEN_TYPE,
  type LicenseClaims,
  type OfflineProblem,
  type VerifyResult,
  verifyLicenseToken,
} from './license-token.ts';
