/** Enough requests in flight to keep a disk or network file system busy without exhausting file handles. */
export const IO_CONCURRENCY = 16;

/**
 * `work` on every item, at most `limit` at once, results in item order. A report holds a thousand small files and
 * each read or write is several round trips to the file system, so one at a time leaves it idle most of the run.
 */
export async function mapConcurrently<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
