export { type CodeProblem, lastGroup, newActivationCode, parseActivationCode } from './activation-code.ts';
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
