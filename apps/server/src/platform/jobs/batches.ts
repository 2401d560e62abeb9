export interface BatchOptions {
  /** Rows per transaction; each sweep has its own default. */
  batchSize?: number;
  /** Called after each committed batch. Tests throw here to play a crash between two batches. */
  afterBatch?: (rows: number) => Promise<void> | void;
}

/**
 * Calls `batch` until it finds nothing to do. Each call must commit one whole batch in one
 * transaction, so a crash between calls leaves only whole batches, and running again goes on
 * where it stopped. Returns the rows done by this run.
 */
export async function inBatches(options: BatchOptions, defaultSize: number, batch: (size: number) => Promise<number>): Promise<number> {
  const size = options.batchSize ?? defaultSize;
  let total = 0;
  for (;;) {
    const rows = await batch(size);
    if (rows === 0) return total;
    total += rows;
    await options.afterBatch?.(rows);
  }
}
