import { unsafePathReason } from '../bundle/manifest.ts';
import type { Redactor } from './redactor.ts';

/**
 * Percent-encodes what a bundle path may not hold but a file name can: `\` (systemd units such as
 * `system-systemd\x2dcryptsetup.slice`; Windows reads it as a separator) and the colon of a drive-like first
 * segment (`c:notes`). A uniqueness suffix cannot repair either, so they are encoded before one is looked for.
 */
function encodeUnsafe(segments: string[]): string[] {
  return segments.map((segment, index) => {
    const encoded = segment.replaceAll('\\', '%5C');
    return index === 0 ? encoded.replace(/^([a-zA-Z]):/, '$1%3A') : encoded;
  });
}

/** Where each redacted file goes: its path with names redacted, safe for a bundle, and unique. */
export class OutputPaths {
  private readonly redactor: Redactor;
  /** Leading segments kept as they are (a bundle's top folder). */
  private readonly keep: number;
  private readonly taken: Set<string>;

  constructor(redactor: Redactor, keep: number, reserved: Iterable<string>) {
    this.redactor = redactor;
    this.keep = keep;
    this.taken = new Set(reserved);
  }

  /** The output path for `path`, or why there is none: longer than a bundle allows, whether from the start or once names were replaced. */
  pathFor(path: string): { path: string } | { reason: string } {
    const segments = path.split('/').map((segment, index) => (index < this.keep ? segment : this.redactor.redactFileName(segment)));
    const base = encodeUnsafe(segments).join('/');
    let candidate = base;
    for (let n = 2; this.taken.has(candidate); n++) candidate = `${base}-${n}`;
    const reason = unsafePathReason(candidate);
    if (reason !== null) return { reason };
    this.taken.add(candidate);
    return { path: candidate };
  }
}
