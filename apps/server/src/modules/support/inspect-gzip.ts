import { refuseArchive } from './archive-paths.ts';
import { inflateWithin } from './inflate-within.ts';
import { looksLikeTar, TarWalker } from './tar-entries.ts';
import { ARCHIVE_LIMITS, unpackBudget } from './upload-limits.ts';

const TAR_HEAD = 512;

function bombRefusal(packedBytes: number) {
  return () =>
    unpackBudget(packedBytes) === ARCHIVE_LIMITS.unpackedBytes
      ? refuseArchive(`is an archive bomb: it unpacks to more than ${ARCHIVE_LIMITS.unpackedBytes / 1024 / 1024} MB`)
      : refuseArchive(`is an archive bomb: it unpacks to more than ${ARCHIVE_LIMITS.ratio} times its size`);
}

/**
 * Unpacks the gzip as a stream with a cap, so a bomb stops at the cap; when it holds a tar
 * (by its name, or by the ustar mark for a plain .gz) every entry's path and type is checked.
 */
export async function inspectGzip(data: Buffer, namedTar: boolean): Promise<void> {
  let walker: TarWalker | null = namedTar ? new TarWalker() : null;
  let head: Buffer | null = namedTar ? null : Buffer.alloc(0);
  for await (const chunk of inflateWithin('gzip', data, unpackBudget(data.length), bombRefusal(data.length))) {
    if (head) {
      head = Buffer.concat([head, chunk]);
      if (head.length < TAR_HEAD) continue;
      if (looksLikeTar(head)) {
        walker = new TarWalker();
        walker.push(head);
      }
      head = null;
    } else {
      walker?.push(chunk);
    }
  }
  walker?.finish();
}
