import { lastGroup, newActivationCode } from '@steward/client';
import type { Deps } from '../../platform/deps.ts';
import { sha256Hex } from '../../platform/sha256-hex.ts';
import { license } from './schema.ts';

export function codeHash(code: string): string {
  return sha256Hex(code);
}

export interface IssuedLicense {
  id: string;
  /** The activation code, returned this once: only its hash and last group are stored (LIC-3). */
  code: string;
}

/**
 * A new license of a type. With an owner (a purchase) its term starts now; without one (a code
 * sold elsewhere) it starts when someone adds it by code.
 */
export async function issueLicense(
  deps: Pick<Deps, 'db' | 'clock'>,
  input: { typeId: string; termDays: number | null; userId?: string; orderId?: string },
): Promise<IssuedLicense> {
  const code = newActivationCode();
  const now = deps.clock.now();
  const owned = input.userId !== undefined;
  const [row] = await deps.db
    .insert(license)
    .values({
      typeId: input.typeId,
      userId: input.userId ?? null,
      codeHash: codeHash(code),
      codeLastGroup: lastGroup(code),
      status: 'active',
      issuedAt: now,
      redeemedAt: owned ? now : null,
      startsAt: owned ? now : null,
      expiresAt: owned && input.termDays !== null ? new Date(now.getTime() + input.termDays * 86_400_000) : null,
      orderId: input.orderId ?? null,
    })
    .returning({ id: license.id });
  return { id: row.id, code };
}
