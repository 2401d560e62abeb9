export type BundleErrorCode =
  | 'gzip'
  | 'tar'
  | 'truncated'
  | 'unsafe-path'
  | 'entry-type'
  | 'duplicate'
  | 'limit'
  | 'manifest'
  | 'not-in-manifest'
  | 'missing'
  | 'checksum';

/** The only error the bundle reader throws; `entry` names the tar entry at fault when there is one. */
export class BundleError extends Error {
  readonly code: BundleErrorCode;
  readonly entry: string | undefined;

  constructor(code: BundleErrorCode, message: string, entry?: string) {
    super(entry === undefined ? message : `${message}: ${JSON.stringify(entry.slice(0, 200))}`);
    this.name = 'BundleError';
    this.code = code;
    this.entry = entry;
  }
}
