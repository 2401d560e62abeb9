import { AnchoredPattern } from './anchored-pattern.ts';
import type { TextMatch } from './rewrite.ts';

/** Runs of two labels or more, bounded as FQDN_PATTERN bounds names but with any last label (`corp.acme.priv`); anchored at the first dot. */
export const DOTTED_SEARCH = new AnchoredPattern(
  /(?<![\w@.-])[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?![\w-]|\.[A-Za-z0-9])/g,
  /\.(?=[A-Za-z0-9-])/g,
  /[A-Za-z0-9-]/,
);

/**
 * Finds dotted names that are one of the computer's own names or lie under one (`x.corp.acme.priv` under
 * `corp.acme.priv`), for domains whose TLD is not in the list. Each run's label suffixes are looked up in a set,
 * so the cost follows the text and not the number of known names.
 */
export class KnownNames {
  private readonly names: ReadonlySet<string>;

  constructor(names: Iterable<string>) {
    this.names = new Set([...names].map((name) => name.toLowerCase()));
  }

  *find(text: string): Generator<TextMatch> {
    if (this.names.size === 0) return;
    for (const run of DOTTED_SEARCH.matches(text)) {
      const end = this.knownEnd(run[0].toLowerCase());
      if (end > 0) yield { index: run.index, 0: run[0].slice(0, end) };
    }
  }

  /**
   * Where the name in `run` ends when its last labels are a known name, else 0. A name can also end before `.-`
   * (`x.acme.priv.-y`), which the bounds allow; the rightmost known start wins, then the longest, as in a regex
   * trying `(?:label\.)*(?:known|names)` on the run.
   */
  private knownEnd(run: string): number {
    const ends = [run.length];
    for (let at = run.lastIndexOf('.-'); at > 0; at = run.lastIndexOf('.-', at - 1)) ends.push(at);
    const starts = [0];
    for (let at = run.indexOf('.'); at >= 0; at = run.indexOf('.', at + 1)) starts.push(at + 1);
    for (const start of starts.reverse()) {
      const end = ends.find((candidate) => candidate > start && this.names.has(run.slice(start, candidate)));
      if (end !== undefined) return end;
    }
    return 0;
  }
}
