import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import type { Deps } from '../../platform/deps.ts';
import { userHasConsent } from './cookie-consent.ts';
import { mailOpen } from './schema.ts';

/** A transparent 1×1 GIF. */
export const PIXEL_GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
export const PIXEL_FILE = /^([A-Za-z0-9_-]{40,600})\.gif$/;

const IV = 12;
const TAG = 16;

const keyOf = (config: Deps['config']) => createHmac('sha256', config.masterKey).update('mail-pixel').digest();

/** The token is sealed, so the URL (which request logs keep) names neither the person nor the message. */
export function pixelFile(config: Deps['config'], userId: string, messageId: string): string {
  const iv = randomBytes(IV);
  const cipher = createCipheriv('aes-256-gcm', keyOf(config), iv);
  const sealed = Buffer.concat([cipher.update(JSON.stringify([userId, messageId])), cipher.final()]);
  return `${Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url')}.gif`;
}

function openToken(config: Deps['config'], file: string): { userId: string; messageId: string } | undefined {
  const match = PIXEL_FILE.exec(file);
  if (!match) return undefined;
  const raw = Buffer.from(match[1], 'base64url');
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyOf(config), raw.subarray(0, IV));
    decipher.setAuthTag(raw.subarray(IV, IV + TAG));
    const [userId, messageId] = JSON.parse(Buffer.concat([decipher.update(raw.subarray(IV + TAG)), decipher.final()]).toString());
    return typeof userId === 'string' && typeof messageId === 'string' ? { userId, messageId } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The pixel URL for one message, or null when the recipient has not allowed analytics: then
 * the email carries no pixel at all (COOK-4).
 */
export async function mailPixelUrl(deps: Pick<Deps, 'db' | 'config'>, userId: string, messageId: string): Promise<string | null> {
  if (!(await userHasConsent(deps, userId, 'first-party-analytics'))) return null;
  return `${deps.config.baseUrl}/api/privacy/pixel/${pixelFile(deps.config, userId, messageId)}`;
}

/** Records an open only for a genuine token of a recipient who still allows analytics. */
export async function recordMailOpen(deps: Pick<Deps, 'db' | 'config' | 'clock'>, file: string): Promise<boolean> {
  const token = openToken(deps.config, file);
  if (!token) return false;
  if (!(await userHasConsent(deps, token.userId, 'first-party-analytics'))) return false;
  await deps.db.insert(mailOpen).values({ userId: token.userId, messageId: token.messageId, openedAt: deps.clock.now() });
  return true;
}
