export { BundleError, type BundleErrorCode } from './bundle/bundle-error.ts';
export { BUNDLE_FORMAT, MANIFEST_PATH, type Manifest, type ManifestFile, parseManifest, unsafePathReason } from './bundle/manifest.ts';
export { type BundleContents, type BundleLimits, DEFAULT_BUNDLE_LIMITS, readBundle } from './bundle/read-bundle.ts';
export { parseSystemProfiler } from './collect/macos-parsers.ts';
export { parseNetstat } from './collect/netstat.ts';
export { parseDriverquery, parseRegQueryUninstall, parseScQuery } from './collect/windows-parsers.ts';
export { type SendIo, type SendOptions, sendBundle } from './send/send-bundle.ts';
export { SendRefused } from './send/send-refused.ts';
