import { fingerprintHash } from '@steward/client';
import { and, eq, isNull } from 'drizzle-orm';
import type { Deps } from '../../platform/deps.ts';
import type { AuthenticatedDevice } from '../devices/device-token.ts';
import { findDeviceByMachine } from '../devices/find-device.ts';
import { hashOfTypedCode } from './code-input.ts';
import { licenseProblems } from './license-problems.ts';
import { type LockedLicense, lockLicense, readLicense, refuseUnusable, startTermIfNew } from './license-row.ts';
import { license, licenseActivation } from './schema.ts';
import { signLicenseToken } from './sign-license-token.ts';
import { takeSeat } from './take-seat.ts';

export interface Activated {
  activationId: string;
  licenseId: string;
  token: string;
  tokenExpiresAt: string;
}

type ActivateDeps = Pick<Deps, 'db' | 'clock' | 'config'>;

async function tokenFor(deps: ActivateDeps, locked: LockedLicense, seat: { id: string; machineHash: string }): Promise<Activated> {
  const { token, expiresAt } = await signLicenseToken(deps, {
    licenseId: locked.id,
    activationId: seat.id,
    productId: locked.productId,
    entitlements: locked.entitlements,
    seats: locked.seats,
    machineHash: seat.machineHash,
    expiresAt: locked.expiresAt,
  });
  return { activationId: seat.id, licenseId: locked.id, token, tokenExpiresAt: expiresAt.toISOString() };
}

/** The owner's device on this machine, found before the license row is locked so the lock is held briefly. */
async function ownersDevice(deps: ActivateDeps, codeHash: string, machineHash: string): Promise<string | null> {
  const [row] = await deps.db.select({ userId: license.userId }).from(license).where(eq(license.codeHash, codeHash));
  if (!row?.userId) return null;
  return (await findDeviceByMachine(deps, row.userId, machineHash))?.id ?? null;
}

/**
 * A product activates by code: it gets the seat its machine holds, or a free one, and a token to
 * verify offline. A license sold without an owner starts its term here.
 */
export async function activateByCode(deps: ActivateDeps, input: { code: string; fingerprint: string; deviceName?: string }): Promise<Activated> {
  const hash = hashOfTypedCode(input.code);
  const machineHash = fingerprintHash(input.fingerprint);
  const deviceId = await ownersDevice(deps, hash, machineHash);
  const now = deps.clock.now();
  const { locked, seat } = await deps.db.transaction(async (tx) => {
    const found = await lockLicense(tx, eq(license.codeHash, hash));
    if (!found) throw licenseProblems.notFound();
    refuseUnusable(found, now);
    const started = await startTermIfNew(tx, found, now);
    return { locked: started, seat: await takeSeat(tx, started, { machineHash, deviceId, deviceName: input.deviceName ?? null }, now) };
  });
  return tokenFor(deps, locked, seat);
}

/** A linked device fetches a token for a license its owner bound to it in the web; it takes no seat of its own. */
export async function activateOnDevice(deps: ActivateDeps, device: AuthenticatedDevice, input: { licenseId: string; fingerprint: string }): Promise<Activated> {
  if (fingerprintHash(input.fingerprint) !== device.machineHash) throw licenseProblems.fingerprintMismatch();
  const found = await readLicense(deps.db, and(eq(license.id, input.licenseId), eq(license.userId, device.userId)));
  if (!found) throw licenseProblems.notFound();
  const [bound] = await deps.db
    .select({ id: licenseActivation.id, machineHash: licenseActivation.machineHash })
    .from(licenseActivation)
    .where(and(eq(licenseActivation.licenseId, found.id), eq(licenseActivation.deviceId, device.deviceId), isNull(licenseActivation.deactivatedAt)));
  if (!bound) throw licenseProblems.notFound();
  refuseUnusable(found, deps.clock.now());
  return tokenFor(deps, found, bound);
}
