import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IPV6_SEARCH, MAC_SEARCH } from './addresses.ts';
import type { AnchoredPattern } from './anchored-pattern.ts';
import { DOTTED_SEARCH } from './known-names.ts';
import { FQDN_SEARCH } from './names.ts';
import { EMAIL_SEARCH } from './redactor.ts';

const SEARCHES: Record<string, AnchoredPattern> = { IPV6_SEARCH, MAC_SEARCH, DOTTED_SEARCH, FQDN_SEARCH, EMAIL_SEARCH };

/** Index, text and groups of each match, to compare two ways of finding them. */
function found(matches: Iterable<RegExpExecArray>): string[][] {
  return [...matches].map((match) => [String(match.index), ...match.map(String)]);
}

/** Texts dense in the characters these patterns turn on, so near misses and overlaps are common. */
const dense = fc
  .array(fc.constantFrom('a', 'F', '0', '9', 'e', 'x', 'Z', '_', ':', '::', '-', '.', '@', '%', '+', ' ', '\n', 'é', '00:1a:', 'fe80::', 'com', '.local'), {
    maxLength: 60,
  })
  .map((parts) => parts.join(''));

describe('AnchoredPattern', () => {
  it.each(Object.keys(SEARCHES))('%s finds exactly what matchAll finds', (name) => {
    const search = SEARCHES[name];
    fc.assert(
      fc.property(dense, (text) => {
        expect(found(search.matches(text))).toEqual(found(text.matchAll(search.pattern)));
      }),
      { numRuns: 3000 },
    );
  });

  it('finds overlapping candidates and matches on either side of a rejected one', () => {
    const text = 'a@b.com x@@y.org 11:22:33:44:55:66:77 aa:bb:cc:dd:ee:ff 0011.2233.4455 ::1 fe80::1%eth0 a.b.c.d.local';
    for (const search of Object.values(SEARCHES)) expect(found(search.matches(text))).toEqual(found(text.matchAll(search.pattern)));
  });
});
