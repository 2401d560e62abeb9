import { createHmac, timingSafeEqual } from 'node:crypto';
import { Problem } from '../../../platform/errors.ts';
import type { WebhookHeaders } from '../store-provider.ts';

export const SIGNATURE_HEADER = 'steward-signature';
/** A signed webhook older (or newer) than this is refused, so a captured one cannot be replayed later. */
export const SIGNATURE_TOLERANCE_SECONDS = 5 * 60;
const MAX_HEADER_LENGTH = 1024;

const refused = (detail: string) => new Problem(401, 'webhook-signature-invalid', 'The webhook signature is not valid', { detail });

function digest(secret: Buffer, timestamp: number, rawBody: string): Buffer {
  return createHmac('sha256', secret).update(`${timestamp}.${rawBody}`, 'utf8').digest();
}

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`, as the provider sends it. */
export function signWebhook(secret: Buffer, rawBody: string, at: Date): string {
  const timestamp = Math.floor(at.getTime() / 1000);
  return `t=${timestamp},v1=${digest(secret, timestamp, rawBody).toString('hex')}`;
}

function parseHeader(header: string): { timestamp: number; signatures: Buffer[] } {
  let timestamp = Number.NaN;
  const signatures: Buffer[] = [];
  for (const part of header.split(',')) {
    const [key, value = ''] = part.trim().split('=', 2);
    if (key === 't' && /^[0-9]{1,12}$/.test(value)) timestamp = Number(value);
    if (key === 'v1' && /^[0-9a-f]{64}$/.test(value)) signatures.push(Buffer.from(value, 'hex'));
  }
  return { timestamp, signatures };
}

/** Checks the signature in constant time and the timestamp against the tolerance; throws 401 otherwise. */
export function verifySignature(secret: Buffer, rawBody: string, headers: WebhookHeaders, now: Date): void {
  const header = headers[SIGNATURE_HEADER];
  if (typeof header !== 'string' || header.length > MAX_HEADER_LENGTH) throw refused(`The ${SIGNATURE_HEADER} header is missing`);
  const { timestamp, signatures } = parseHeader(header);
  if (Number.isNaN(timestamp) || signatures.length === 0) throw refused(`The ${SIGNATURE_HEADER} header is not t=…,v1=…`);
  if (Math.abs(now.getTime() / 1000 - timestamp) > SIGNATURE_TOLERANCE_SECONDS) throw refused('The webhook is too old or from the future');
  const expected = digest(secret, timestamp, rawBody);
  if (!signatures.some((signature) => timingSafeEqual(signature, expected))) throw refused('The signature does not match the body');
}
