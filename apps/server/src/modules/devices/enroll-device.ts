import { randomUUID } from 'node:crypto';
import { fingerprintHash } from '@steward/client';
import { and, count, eq, gt, isNull } from 'drizzle-orm';
import type { Deps } from '../../platform/deps.ts';
import { deviceErrors } from './device-errors.ts';
import { newDeviceToken } from './device-token.ts';
import { enrollmentCodeHash, enrollmentCodeSymbols } from './enrollment-code.ts';
import { DEVICE_TOKEN_SCOPES, device, deviceEnrollment } from './schema.ts';

/** More than a household or a small office needs; a larger fleet belongs in a company workspace. */
export const MAX_DEVICES_PER_USER = 10_000;

export interface Enrollment {
  code: string;
  fingerprint: string;
  name: string;
  platform: string;
  productVersion?: string;
}

/**
 * DEV-1: the device that types a user's fresh code becomes that user's device. The code is
 * spent in the same transaction that creates the device, so it links exactly one. A machine the
 * user linked before (a reinstall) keeps its device and history, with a new token.
 */
export async function enrollDevice(deps: Pick<Deps, 'db' | 'clock'>, input: Enrollment): Promise<{ deviceId: string; token: string; scopes: string[] }> {
  const symbols = enrollmentCodeSymbols(input.code);
  if (!symbols) throw deviceErrors.enrollmentCodeInvalid();
  const now = deps.clock.now();
  const machineHash = fingerprintHash(input.fingerprint);
  const scopes = [...DEVICE_TOKEN_SCOPES];
  const described = { name: input.name, platform: input.platform, productVersion: input.productVersion ?? null };
  return deps.db.transaction(async (tx) => {
    const [spent] = await tx
      .update(deviceEnrollment)
      .set({ usedAt: now })
      .where(and(eq(deviceEnrollment.codeHash, enrollmentCodeHash(symbols)), isNull(deviceEnrollment.usedAt), gt(deviceEnrollment.expiresAt, now)))
      .returning({ id: deviceEnrollment.id, userId: deviceEnrollment.userId });
    if (!spent) throw deviceErrors.enrollmentCodeInvalid();
    const [known] = await tx
      .select({ id: device.id })
      .from(device)
      .where(and(eq(device.userId, spent.userId), eq(device.machineHash, machineHash)))
      .limit(1)
      .for('update');
    const deviceId = known?.id ?? randomUUID();
    const { token, hash } = newDeviceToken(deviceId);
    if (known) {
      await tx
        .update(device)
        .set({ ...described, tokenHash: hash, tokenScopes: scopes, tokenRevokedAt: null })
        .where(eq(device.id, deviceId));
    } else {
      const [owned] = await tx.select({ n: count() }).from(device).where(eq(device.userId, spent.userId));
      if (owned.n >= MAX_DEVICES_PER_USER) throw deviceErrors.tooManyDevices(MAX_DEVICES_PER_USER);
      await tx.insert(device).values({ id: deviceId, userId: spent.userId, machineHash, ...described, tokenHash: hash, tokenScopes: scopes, enrolledAt: now });
    }
    await tx.update(deviceEnrollment).set({ deviceId }).where(eq(deviceEnrollment.id, spent.id));
    return { deviceId, token, scopes };
  });
}
