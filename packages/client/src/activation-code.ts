/**
 * Activation codes: 24 random base32 symbols and one check symbol, in five groups of five,
 * e.g. `7K2QD-X9M4T-0RB8V-HC3NW-5PJ6F`. Crockford's alphabet leaves out I, L, O and U, and reading
 * I and L as 1 and O as 0 forgives the usual misreadings. The check symbol (Luhn mod 32) catches
 * every single mistyped symbol and every swap of two neighbours before any lookup.
 */

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const BODY_LENGTH = 24;
const GROUP = 5;

export type CodeProblem = 'format' | 'check';

function luhnCheckSymbol(values: number[]): number {
  const n = ALPHABET.length;
  let sum = 0;
  let factor = 2;
  for (let i = values.length - 1; i >= 0; i--) {
    const addend = factor * values[i];
    sum += Math.floor(addend / n) + (addend % n);
    factor = factor === 2 ? 1 : 2;
  }
  return (n - (sum % n)) % n;
}

function grouped(symbols: string): string {
  return symbols.match(new RegExp(`.{1,${GROUP}}`, 'g'))?.join('-') ?? symbols;
}

/** A new code from 24 symbols of randomness (120 bits). */
export function newActivationCode(random: (size: number) => Uint8Array = (size) => crypto.getRandomValues(new Uint8Array(size))): string {
  const values = Array.from(random(BODY_LENGTH), (byte) => byte & 31);
  return grouped([...values, luhnCheckSymbol(values)].map((v) => ALPHABET[v]).join(''));
}

/** The code in its one canonical form, or why it cannot be one. Spaces, dashes and case do not matter. */
export function parseActivationCode(input: string): { code: string } | { problem: CodeProblem } {
  const symbols = input.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  if (symbols.length !== BODY_LENGTH + 1 || [...symbols].some((s) => !ALPHABET.includes(s))) return { problem: 'format' };
  const values = [...symbols].map((s) => ALPHABET.indexOf(s));
  if (luhnCheckSymbol(values.slice(0, BODY_LENGTH)) !== values[BODY_LENGTH]) return { problem: 'check' };
  return { code: grouped(symbols) };
}

/** The last group, which the account shows so the owner can tell codes apart. */
export function lastGroup(code: string): string {
  return code.slice(-GROUP);
}
