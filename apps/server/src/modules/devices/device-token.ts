import { randomBytes, timingSafeEqual } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Deps } from '../../platform/deps.ts';
import { sha256Hex } from '../../platform/sha256-hex.ts';
import { device } from './schema.ts';

export type DeviceTokenScope = 'checkin' | 'commands' | 'licenses';

/** `<device id>.<secret>`: the id finds the row by primary key, the secret is checked against its hash. */
export function newDeviceToken(deviceId: string): { token: string; hash: string } {
  const secret = randomBytes(32).toString('base64url');
  return { token: `${deviceId}.${secret}`, hash: hashSecret(secret) };
}

export function hashSecret(secret: string): string {
  return sha256Hex(secret);
}

/** Whether the secret is the one whose hash is stored, compared in constant time. */
export function secretMatches(secret: string, storedHash: string): boolean {
  const given = Buffer.from(hashSecret(secret), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}

/** The token of an `Authorization: Bearer …` header, if there is one. */
export function bearerToken(header: string | undefined): string | null {
  if (!header || header.length > 200) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match ? match[1] : null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function parseDeviceToken(token: string): { deviceId: string; secret: string } | null {
  const dot = token.indexOf('.');
  const deviceId = token.slice(0, dot);
  const secret = token.slice(dot + 1);
  return dot > 0 && UUID.test(deviceId) && secret.length >= 32 && secret.length <= 64 ? { deviceId, secret } : null;
}

export interface AuthenticatedDevice {
  deviceId: string;
  userId: string;
  machineHash: string;
}

/** The device a token belongs to, if the token is genuine, not revoked, and holds the scope. */
export async function authenticateDevice(deps: Pick<Deps, 'db'>, token: string, scope: DeviceTokenScope): Promise<AuthenticatedDevice | null> {
  const parsed = parseDeviceToken(token);
  if (!parsed) return null;
  const [row] = await deps.db
    .select({
      userId: device.userId,
      machineHash: device.machineHash,
      tokenHash: device.tokenHash,
      scopes: device.tokenScopes,
      revokedAt: device.tokenRevokedAt,
    })
    .from(device)
    .where(eq(device.id, parsed.deviceId));
  if (!row || row.revokedAt || !secretMatches(parsed.secret, row.tokenHash) || !row.scopes.includes(scope)) return null;
  return { deviceId: parsed.deviceId, userId: row.userId, machineHash: row.machineHash };
}
