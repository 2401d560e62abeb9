import type { requestQueue } from './request-queue.ts';

type QueueRows = Awaited<ReturnType<typeof requestQueue>>;

/** The queue as a table for the terminal: ids and dates only, no request text. */
export function formatQueue(rows: QueueRows): string {
  const header = ['urgency', 'days left', 'deadline', 'kind', 'status', 'request id'];
  const lines = rows.map((r) => [r.urgency, String(r.daysLeft), r.deadline.toISOString().slice(0, 10), r.kind, r.status, r.id]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const format = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return `${[format(header), ...lines.map(format)].join('\n')}\n${rows.length} open request(s)\n`;
}
