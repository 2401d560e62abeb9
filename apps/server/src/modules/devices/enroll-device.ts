import { randomUUID } from 'node:crypto';
import { fingerprintHash } from '@steward/client';
import { and, count, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../../platform/db/pool.ts';
import type { Deps } from '../../platform/deps.ts';
import { isWorkspaceToken, redeemWorkspaceToken } from '../workspaces/enrollment-tokens.ts';
import { deviceErrors } from './device-errors.ts';
import { newDeviceToken } from './device-token.ts';
import { enrollmentCodeHash, enrollmentCodeSymbols } from './enrollment-code.ts';
import { DEVICE_TOKEN_SCOPES, device, deviceEnrollment } from './schema.ts';
import { workspaceDeviceOwner } from './workspace-devices.ts';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** Whose the device becomes: a person's by their code (DEV-1), or a workspace's by its token (WS-1). */
interface Spent {
  ownerKey: string;
  workspaceId: string | null;
  enrollmentId: string | null;
}

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
async function spendCode(tx: Tx, code: string, now: Date): Promise<Spent> {
  if (isWorkspaceToken(code)) {
    const workspaceId = await redeemWorkspaceToken(tx, code, now);
    if (!workspaceId) throw deviceErrors.enrollmentCodeInvalid();
    return { ownerKey: workspaceDeviceOwner(workspaceId), workspaceId, enrollmentId: null };
  }
  const symbols = enrollmentCodeSymbols(code);
  if (!symbols) throw deviceErrors.enrollmentCodeInvalid();
  const [spent] = await tx
    .update(deviceEnrollment)
    .set({ usedAt: now })
    .where(and(eq(deviceEnrollment.codeHash, enrollmentCodeHash(symbols)), isNull(deviceEnrollment.usedAt), gt(deviceEnrollment.expiresAt, now)))
    .returning({ id: deviceEnrollment.id, userId: deviceEnrollment.userId });
  if (!spent) throw deviceErrors.enrollmentCodeInvalid();
  return { ownerKey: spent.userId, workspaceId: null, enrollmentId: spent.id };
}

/**
 * DEV-1: the device that types a user's fresh code becomes that user's device. The code is
 * spent in the same transaction that creates the device, so it links exactly one. A machine the
 * owner linked before (a reinstall) keeps its device and history, with a new token. A workspace
 * token instead makes it the workspace's device, and stays valid for the company's other machines
 * until it expires (WS-1).
 */
export async function enrollDevice(deps: Pick<Deps, 'db' | 'clock'>, input: Enrollment): Promise<{ deviceId: string; token: string; scopes: string[] }> {
  if (!isWorkspaceToken(input.code) && !enrollmentCodeSymbols(input.code)) throw deviceErrors.enrollmentCodeInvalid();
  const now = deps.clock.now();
  const machineHash = fingerprintHash(input.fingerprint);
  const scopes = [...DEVICE_TOKEN_SCOPES];
  const described = { name: input.name, platform: input.platform, productVersion: input.productVersion ?? null };
  return deps.db.transaction(async (tx) => {
    const spent = await spendCode(tx, input.code, now);
    const [known] = await tx
      .select({ id: device.id })
      .from(device)
      .where(and(eq(device.userId, spent.ownerKey), eq(device.machineHash, machineHash)))
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
      const [owned] = await tx.select({ n: count() }).from(device).where(eq(device.userId, spent.ownerKey));
      if (owned.n >= MAX_DEVICES_PER_USER) throw deviceErrors.tooManyDevices(MAX_DEVICES_PER_USER);
      await tx.insert(device).values({
        id: deviceId,
        userId: spent.ownerKey,
        workspaceId: spent.workspaceId,
        machineHash,
        ...described,
        tokenHash: hash,
        tokenScopes: scopes,
        enrolledAt: now,
      });
    }
    if (spent.enrollmentId) await tx.update(deviceEnrollment).set({ deviceId }).where(eq(deviceEnrollment.id, spent.enrollmentId));
    return { deviceId, token, scopes };
  });
}
