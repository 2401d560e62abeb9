import { fingerprintHash } from '@steward/client';
import type { Deps } from '../../platform/deps.ts';
import { hashOfTypedCode } from './code-input.ts';
import { licenseSigningKey } from './signing-key.ts';
import { checkLicenseToken } from './verified-tokens.ts';

export const INVALID_REASONS = ['expired', 'revoked', 'seats-exceeded', 'unknown', 'fingerprint-mismatch'] as const;
export type InvalidReason = (typeof INVALID_REASONS)[number];

export type Validation = { valid: true; licenseId: string; expiresAt: string | null; entitlements: string[] } | { valid: false; reason: InvalidReason };

const TOUCH_EVERY_MS = 60 * 60 * 1000;

// One round trip, by primary key or unique index: the license with its type and product, and
// the seat this machine holds. Seats in use are counted only when the machine holds none.
const SELECT = `select l.id, l.status, l.expires_at, p.entitlements, t.seats, a.id as activation_id, a.last_validated_at,
    case when a.id is null then (select count(*)::int from license_activation x where x.license_id = l.id and x.deactivated_at is null) end as seats_used
  from license l
  join license_type t on t.id = l.type_id
  join product p on p.id = t.product_id
  left join license_activation a on a.license_id = l.id and a.machine_hash = $2 and a.deactivated_at is null`;
const BY_ID = { name: 'license-validate-by-id', text: `${SELECT} where l.id = $1` };
const BY_CODE = { name: 'license-validate-by-code', text: `${SELECT} where l.code_hash = $1` };

interface Row {
  id: string;
  status: 'active' | 'revoked';
  expires_at: Date | null;
  entitlements: string[];
  seats: number;
  activation_id: string | null;
  last_validated_at: Date | null;
  seats_used: number | null;
}

/**
 * The one rule for both a code and a token: revoked, then expired; then the machine must hold a
 * seat. A machine without one hears `seats-exceeded` when other machines hold every seat, and
 * `fingerprint-mismatch` when a seat is free, which activating would take.
 */
function judge(row: Row | undefined, now: Date): Validation {
  if (!row) return { valid: false, reason: 'unknown' };
  if (row.status === 'revoked') return { valid: false, reason: 'revoked' };
  if (row.expires_at && row.expires_at <= now) return { valid: false, reason: 'expired' };
  if (!row.activation_id) return { valid: false, reason: (row.seats_used ?? 0) >= row.seats ? 'seats-exceeded' : 'fingerprint-mismatch' };
  return { valid: true, licenseId: row.id, expiresAt: row.expires_at?.toISOString() ?? null, entitlements: row.entitlements };
}

/** A seat shows when it was last seen, to the hour: a write at most once an hour per seat, never on every call. */
async function touch(deps: Pick<Deps, 'pool'>, row: Row, now: Date): Promise<void> {
  if (!row.activation_id || (row.last_validated_at && now.getTime() - row.last_validated_at.getTime() < TOUCH_EVERY_MS)) return;
  await deps.pool.query('update license_activation set last_validated_at = $2 where id = $1', [row.activation_id, now]);
}

type ValidateDeps = Pick<Deps, 'pool' | 'clock' | 'config'>;

async function lookUp(deps: ValidateDeps, statement: { name: string; text: string }, key: string, machineHash: string, now: Date): Promise<Validation> {
  const { rows } = await deps.pool.query<Row>({ ...statement, values: [key, machineHash] });
  const verdict = judge(rows[0], now);
  if (verdict.valid) await touch(deps, rows[0], now);
  return verdict;
}

/** Online validation for a product: a license token (checked offline first, then against the record) or an activation code. */
export async function validateLicense(deps: ValidateDeps, input: { code?: string; token?: string; fingerprint: string }): Promise<Validation> {
  const now = deps.clock.now();
  const machineHash = fingerprintHash(input.fingerprint);
  if (input.code !== undefined) return lookUp(deps, BY_CODE, hashOfTypedCode(input.code), machineHash, now);
  const offline = checkLicenseToken(input.token ?? '', licenseSigningKey(deps.config.masterKey).publicKey, {
    machineHash,
    fingerprint: input.fingerprint,
    now,
  });
  if (!offline.valid) return { valid: false, reason: offline.reason === 'expired' || offline.reason === 'fingerprint-mismatch' ? offline.reason : 'unknown' };
  return lookUp(deps, BY_ID, offline.claims.sub, machineHash, now);
}
