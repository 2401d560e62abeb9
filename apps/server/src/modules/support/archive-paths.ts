import { problems } from '../../platform/errors.ts';

// Control characters, including NUL, which some extractors treat as the end of the name.
const CONTROL = /\p{Cc}/u;

/** Why an archive entry's path could land outside the folder it is unpacked into, or null when it cannot. */
export function unsafeEntryPath(path: string): string | null {
  if (path.length === 0) return 'has an empty path';
  if (CONTROL.test(path)) return 'has a control character in its path';
  if (path.includes('\\')) return 'has a backslash in its path';
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) return 'has an absolute path';
  if (path.split('/').includes('..')) return 'has a path that climbs out with ..';
  return null;
}

/** The refusal of an attached archive: always about the `file` field, with the reason. */
export function refuseArchive(message: string) {
  return problems.invalidField('file', message);
}

export function checkEntryPath(kind: 'zip' | 'tar', path: string): void {
  const reason = unsafeEntryPath(path);
  if (reason) throw refuseArchive(`a ${kind} entry ${reason}`);
}
