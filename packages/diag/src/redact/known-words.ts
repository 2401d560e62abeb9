import type { TextMatch } from './rewrite.ts';

const RUN = /[\p{L}\p{N}]+/gu;
const RUN_OR_OTHER = /[\p{L}\p{N}]+|[^\p{L}\p{N}]/gu;
const STARTS_WITH_RUN = /^[\p{L}\p{N}]+/u;
const ENDS_IN_LETTER_OR_DIGIT = /[\p{L}\p{N}]$/u;
const STARTS_WITH_LETTER_OR_DIGIT = /^[\p{L}\p{N}]/u;

/** Up to this many leads are searched for as literals, which the regex engine skips through faster than it splits text into runs. */
const MAX_SEARCHED_LEADS = 32;

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Where a lead stands whole: not after a letter or digit, and a run of them not followed by one either. */
function leadPattern(leads: string[]): RegExp {
  const alternatives = leads.map((lead) => (STARTS_WITH_LETTER_OR_DIGIT.test(lead) ? `${escapeRegex(lead)}(?![\\p{L}\\p{N}])` : escapeRegex(lead)));
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})`, 'giu');
}

/**
 * Finds known words (user, host names, keywords) case-insensitively as whole words: not touching another letter or
 * digit, so `alice_backup` and `alice-pc` match and `malice` does not. Each word is filed under the run of letters and
 * digits it starts with (its lead) and looked up when the text has that run, so with many words one scan of the text
 * costs the same for a hundred words or thirty thousand, where an alternation of every word is tried word by word at
 * each position. A few leads are searched for directly instead.
 */
export class KnownWords {
  /** Longest first, as an alternation would try them. */
  private readonly byLead = new Map<string, string[]>();
  /** Lengths of the leads, checked first: most runs of a text have none of them, and lower-casing every run costs more. */
  private readonly leadLengths = new Set<number>();
  private readonly scan: RegExp;

  constructor(words: Iterable<string>) {
    let anyOtherLead = false;
    for (const word of new Set([...words].map((each) => each.toLowerCase()))) {
      if (word.length === 0) continue;
      const lead = STARTS_WITH_RUN.exec(word)?.[0] ?? String.fromCodePoint(word.codePointAt(0) as number);
      anyOtherLead ||= !STARTS_WITH_LETTER_OR_DIGIT.test(lead);
      const filed = this.byLead.get(lead);
      if (filed) filed.push(word);
      else this.byLead.set(lead, [word]);
      this.leadLengths.add(lead.length);
    }
    for (const filed of this.byLead.values()) filed.sort((a, b) => b.length - a.length);
    // Words such as `%I` or `#proj` can start at any lone sign, so only then is every sign a token.
    const leads = [...this.byLead.keys()];
    this.scan = leads.length <= MAX_SEARCHED_LEADS ? leadPattern(leads) : anyOtherLead ? RUN_OR_OTHER : RUN;
  }

  *find(text: string): Generator<TextMatch> {
    if (this.byLead.size === 0) return;
    const scan = new RegExp(this.scan);
    for (let token = scan.exec(text); token !== null; token = scan.exec(text)) {
      if (!this.leadLengths.has(token[0].length)) continue;
      const start = token.index;
      const word = this.wordAt(text, start, token[0]);
      if (word === undefined) continue;
      scan.lastIndex = start + word.length;
      yield { index: start, 0: text.slice(start, scan.lastIndex) };
    }
  }

  /** A run token is whole by construction; a lone sign must not follow a letter or digit. */
  private wordAt(text: string, start: number, token: string): string | undefined {
    const filed = this.byLead.get(token.toLowerCase());
    if (!filed) return undefined;
    if (!STARTS_WITH_LETTER_OR_DIGIT.test(token) && ENDS_IN_LETTER_OR_DIGIT.test(text.slice(Math.max(0, start - 2), start))) return undefined;
    return filed.find((word) => {
      const end = start + word.length;
      return text.slice(start, end).toLowerCase() === word && !STARTS_WITH_LETTER_OR_DIGIT.test(text.slice(end, end + 2));
    });
  }
}
