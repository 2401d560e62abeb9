/**
 * Activation codes: 24 random base32 symbols and one check symbol, in five groups of five,
 * e.g. `7K2QD-X9M4T-0RB8V-HC3NW-5PJ6F`. Crockford's alphabet leaves out I, L, O and U, and reading
 * I and L as 1 and O as 0 forgives the usual misreadings. The check symbol (Damm's algorithm over
 * GF(32)) catches every single mistyped symbol and every swap of two neighbours before any lookup;
 * Luhn mod 32 would miss a swap of 0 and Z.
 */

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const BODY_LENGTH = 24;
const GROUP = 5;

export type CodeProblem = 'format' | 'check';

// Damm over GF(32): each step maps the interim value r and a symbol s to 2·r + s in the field
// GF(2^5) mod x^5 + x^2 + 1. Since 2 ≠ 1 there, two different neighbours change the result in
// either order, and the step is one-to-one in s, so a single change always shows.
const FIELD_POLYNOMIAL = 0b100101;

function timesTwo(value: number): number {
  const shifted = value << 1;
  return shifted & 0b100000 ? shifted ^ FIELD_POLYNOMIAL : shifted;
}

function interim(values: number[]): number {
  return values.reduce((r, s) => timesTwo(r) ^ s, 0);
}

/** The symbol that brings the interim value of the whole code to zero. */
function checkSymbol(values: number[]): number {
  return timesTwo(interim(values));
}

function grouped(symbols: string): string {
  return symbols.match(new RegExp(`.{1,${GROUP}}`, 'g'))?.join('-') ?? symbols;
}

/** A new code from 24 symbols of randomness (120 bits). */
export function newActivationCode(random: (size: number) => Uint8Array = (size) => crypto.getRandomValues(new Uint8Array(size))): string {
  const values = Array.from(random(BODY_LENGTH), (byte) => byte & 31);
  return grouped([...values, checkSymbol(values)].map((v) => ALPHABET[v]).join(''));
}

/** The code in its one canonical form, or why it cannot be one. Spaces, dashes and case do not matter. */
export function parseActivationCode(input: string): { code: string } | { problem: CodeProblem } {
  const symbols = input.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  if (symbols.length !== BODY_LENGTH + 1 || [...symbols].some((s) => !ALPHABET.includes(s))) return { problem: 'format' };
  const values = [...symbols].map((s) => ALPHABET.indexOf(s));
  if (interim(values) !== 0) return { problem: 'check' };
  return { code: grouped(symbols) };
}

/** The last group, which the account shows so the owner can tell codes apart. */
export function lastGroup(code: string): string {
  return code.slice(-GROUP);
}
