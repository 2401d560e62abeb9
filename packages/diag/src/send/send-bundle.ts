import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { readBundle } from '../bundle/read-bundle.ts';
import { describeSend, summarise } from './bundle-summary.ts';
import { SendRefused } from './send-refused.ts';
import { serverUrl } from './server-url.ts';

export interface SendOptions {
  bundle: string;
  request: string;
  token: string;
  server: string;
  /** The user consented on the command line; without it, only a "y" typed on a terminal is consent. */
  yes: boolean;
}

export interface SendIo {
  write(text: string): void;
  /** Whether a person can answer: stdin and stdout are a terminal. */
  interactive: boolean;
  ask(question: string): Promise<string>;
}

async function consent(options: SendOptions, io: SendIo): Promise<void> {
  if (options.yes) return;
  if (!io.interactive) throw new SendRefused('nothing was sent: confirm on a terminal, or pass --yes to consent to sending this bundle');
  const answer = await io.ask(`Send this bundle to request ${options.request}? [y/N] `);
  if (!/^y(es)?$/i.test(answer.trim())) throw new SendRefused('nothing was sent');
}

async function refusalOf(response: Response): Promise<SendRefused> {
  const text = await response.text().catch(() => '');
  let reason = text.slice(0, 500);
  try {
    const problem = JSON.parse(text) as { title?: string; detail?: string };
    reason = [problem.title, problem.detail].filter(Boolean).join(': ');
  } catch {}
  return new SendRefused(`the server refused the bundle (${response.status}${reason ? `: ${reason}` : ''})`);
}

/**
 * Sends a bundle to a support request (DIAG-4): only over TLS (or to localhost), only a bundle
 * that reads back cleanly, only after showing what will leave and getting consent. The server
 * checks the bytes against the sha256 the user agreed to.
 */
export async function sendBundle(options: SendOptions, io: SendIo): Promise<{ reportId: string; sha256: string }> {
  const server = serverUrl(options.server);
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(options.token)) throw new SendRefused('--token is not an upload token; copy it from the support request page');
  const { manifest } = await readBundle(options.bundle);
  const summary = await summarise(options.bundle);
  io.write(describeSend(manifest, summary, server));
  await consent(options, io);
  const response = await fetch(new URL('/api/v1/diag/bundles', server), {
    method: 'POST',
    headers: {
      authorization: `Bearer ${options.token}`,
      'content-type': 'application/gzip',
      'content-length': String(summary.size),
      'x-bundle-sha256': summary.sha256,
      'x-steward-consent': new Date().toISOString(),
    },
    body: Readable.toWeb(createReadStream(options.bundle)) as ReadableStream<Uint8Array>,
    duplex: 'half',
  } as RequestInit);
  if (!response.ok) throw await refusalOf(response);
  const received = (await response.json()) as { reportId: string; sha256: string };
  io.write(`Sent. Report ${received.reportId} (sha256 ${received.sha256}) is now attached to request ${options.request}.\n`);
  return received;
}
