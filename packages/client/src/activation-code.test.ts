import { describe, expect, it } from 'vitest';
import { lastGroup, newActivationCode, parseActivationCode } from './activation-code.ts';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const symbolsOf = (code: string) => code.replaceAll('-', '');

/** Codes whose symbols cover the whole alphabet, including the pair Luhn mod 32 misses (0 and Z side by side). */
function sampleCodes(): string[] {
  const counter = (start: number) => (size: number) => Uint8Array.from({ length: size }, (_, i) => (start + i * 7) % 32);
  const zeroZ = () => Uint8Array.from({ length: 24 }, (_, i) => (i % 2 === 0 ? 0 : 31));
  return [
    ...Array.from({ length: 32 }, (_, i) => newActivationCode(counter(i))),
    newActivationCode(zeroZ),
    ...Array.from({ length: 30 }, () => newActivationCode()),
  ];
}

describe('activation codes', () => {
  it('[LIC-1] a new code is 25 base32 symbols in five groups and parses back to itself', () => {
    const code = newActivationCode();
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){4}$/);
    expect(parseActivationCode(code)).toEqual({ code });
    expect(lastGroup(code)).toBe(code.slice(-5));
  });

  it('[LIC-1] every single-symbol substitution is caught by the check character', () => {
    for (const code of sampleCodes()) {
      const symbols = symbolsOf(code);
      for (let i = 0; i < symbols.length; i++) {
        for (const other of ALPHABET) {
          if (other === symbols[i]) continue;
          const typo = symbols.slice(0, i) + other + symbols.slice(i + 1);
          expect(parseActivationCode(typo), `${code} at ${i} → ${other}`).toEqual({ problem: 'check' });
        }
      }
    }
  });

  it('[LIC-1] every swap of two different neighbours is caught, the check character included', () => {
    for (const code of sampleCodes()) {
      const symbols = symbolsOf(code);
      for (let i = 0; i + 1 < symbols.length; i++) {
        if (symbols[i] === symbols[i + 1]) continue;
        const swapped = symbols.slice(0, i) + symbols[i + 1] + symbols[i] + symbols.slice(i + 2);
        expect(parseActivationCode(swapped), `${code} swap at ${i}`).toEqual({ problem: 'check' });
      }
    }
  });

  it('reads I and L as 1 and O as 0, and ignores case, spaces and dashes', () => {
    const ones = newActivationCode((size) => new Uint8Array(size).fill(1));
    const typed = symbolsOf(ones).replace('1', 'I').replace('1', 'l').replace('1', 'L').toLowerCase();
    expect(parseActivationCode(` ${typed.slice(0, 12)} ${typed.slice(12)} `)).toEqual({ code: ones });
    const zeros = newActivationCode((size) => new Uint8Array(size));
    expect(parseActivationCode(symbolsOf(zeros).replaceAll('0', 'O'))).toEqual({ code: zeros });
    expect(parseActivationCode(symbolsOf(zeros).replaceAll('0', 'o'))).toEqual({ code: zeros });
  });

  it('tells a code of the wrong shape from a mistyped one', () => {
    const code = newActivationCode();
    expect(parseActivationCode(code.slice(0, -1))).toEqual({ problem: 'format' });
    expect(parseActivationCode(`${code}7`)).toEqual({ problem: 'format' });
    expect(parseActivationCode(`U${code.slice(1)}`)).toEqual({ problem: 'format' });
    expect(parseActivationCode('')).toEqual({ problem: 'format' });
    expect(parseActivationCode(`${code.slice(0, 6)}!${code.slice(7)}`)).toEqual({ problem: 'format' });
  });
});
