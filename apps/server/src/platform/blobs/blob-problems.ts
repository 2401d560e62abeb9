import { Problem } from '../errors.ts';

export const blobProblems = {
  /** Gone for good: the subject's key was destroyed, so no copy of the file can be opened. */
  cryptoShredded: () => new Problem(410, 'crypto-shredded', 'This file was erased', { detail: "the owner's key has been destroyed" }),
  /** The stored file or its keys were altered; never served, since it is not what was stored. */
  corrupt: () => new Problem(500, 'blob-corrupt', 'The stored file failed its integrity check'),
};
