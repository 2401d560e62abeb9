import { sha256Hex } from '../../platform/sha256-hex.ts';

/**
 * Enrollment codes: 8 random symbols of Crockford's base32 (40 bits), shown as `K7QD-X9M4`.
 * Short enough to type into a device, and safe because a code lives 15 minutes, works once,
 * and the route that takes it is rate-limited.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const LENGTH = 8;

export function newEnrollmentCode(): string {
  const symbols = Array.from(crypto.getRandomValues(new Uint8Array(LENGTH)), (byte) => ALPHABET[byte & 31]).join('');
  return `${symbols.slice(0, 4)}-${symbols.slice(4)}`;
}

/** The code's symbols in canonical form, or null. Case, spaces and dashes do not matter; I, L read as 1 and O as 0. */
export function enrollmentCodeSymbols(input: string): string | null {
  const symbols = input.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  return symbols.length === LENGTH && [...symbols].every((s) => ALPHABET.includes(s)) ? symbols : null;
}

/** What the database holds of a code: its SHA-256, never the code. */
export function enrollmentCodeHash(symbols: string): string {
  return sha256Hex(symbols);
}
