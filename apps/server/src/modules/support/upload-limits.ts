const MB = 1024 * 1024;

/** What a customer may attach to one request (SUP-2). */
export const ATTACHMENT_LIMITS = {
  fileBytes: 10 * MB,
  filesPerRequest: 10,
  bytesPerRequest: 100 * MB,
  fileNameLength: 255,
} as const;

/**
 * What an attached archive may unpack to. A small archive that compresses extremely well is
 * harmless, so the ratio counts only once the contents pass `ratioFloorBytes`.
 */
export const ARCHIVE_LIMITS = {
  entries: 1000,
  unpackedBytes: 100 * MB,
  ratio: 100,
  ratioFloorBytes: 1 * MB,
  /** Longest path or link text a tar extension header may carry. */
  tarMetaBytes: 64 * 1024,
} as const;

/** Most bytes an archive of `packedBytes` may unpack to before it counts as a bomb. */
export function unpackBudget(packedBytes: number): number {
  return Math.min(ARCHIVE_LIMITS.unpackedBytes, Math.max(ARCHIVE_LIMITS.ratioFloorBytes, packedBytes * ARCHIVE_LIMITS.ratio));
}
