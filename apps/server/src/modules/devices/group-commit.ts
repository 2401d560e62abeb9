export interface GroupCommit<T, R> {
  /** Resolves with the item's result once the batch holding it is committed. */
  submit(item: T): Promise<R>;
  /** Flushes what is waiting and refuses anything later. */
  close(): Promise<void>;
}

export interface GroupCommitOptions<T, R> {
  /** How long an item may wait for company while a flush could start at once (0: only the current tick). */
  maxWaitMs: number;
  maxItems: number;
  /** Batches written at the same time, so the database works on one while the process answers another. */
  maxInFlight: number;
  /** Writes a batch in one transaction; returns one result per item, in order. A throw fails the whole batch. */
  flush(items: T[]): Promise<R[]>;
}

interface Waiting<T, R> {
  item: T;
  resolve(result: R): void;
  reject(error: unknown): void;
}

/**
 * Group commit: items wait while the batches in flight are written (or `maxWaitMs` when none
 * is), then go to the database together, at most `maxItems` at a time. Batches grow with the
 * load by themselves, so the cost of a commit is shared by all its items.
 */
export function groupCommit<T, R>(options: GroupCommitOptions<T, R>): GroupCommit<T, R> {
  let queue: Array<Waiting<T, R>> = [];
  let timer: NodeJS.Timeout | undefined;
  let inFlight = 0;
  let closed = false;
  let idle: (() => void) | undefined;

  function flushOne(): void {
    const batch = queue.slice(0, options.maxItems);
    queue = queue.slice(options.maxItems);
    inFlight++;
    options
      .flush(batch.map((w) => w.item))
      .then(
        (results) => {
          batch.forEach((w, i) => {
            w.resolve(results[i]);
          });
        },
        (error: unknown) => {
          for (const w of batch) w.reject(error);
        },
      )
      .finally(() => {
        inFlight--;
        pump();
      });
  }

  function pump(): void {
    if (timer) clearTimeout(timer);
    timer = undefined;
    while (inFlight < options.maxInFlight && queue.length > 0) flushOne();
    if (inFlight === 0 && queue.length === 0) idle?.();
  }

  function wake(): void {
    if (inFlight >= options.maxInFlight) return;
    if (queue.length >= options.maxItems) pump();
    else timer ??= setTimeout(pump, options.maxWaitMs);
  }

  return {
    submit(item) {
      if (closed) return Promise.reject(new Error('group commit closed'));
      return new Promise<R>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        wake();
      });
    },
    async close() {
      closed = true;
      const drained = new Promise<void>((resolve) => {
        idle = resolve;
      });
      pump();
      await drained;
    },
  };
}
