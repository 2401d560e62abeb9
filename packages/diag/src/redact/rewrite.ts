/**
 * Text being redacted, with the spans that already hold replacements. Each pass sees the whole text
 * (so look-arounds see the same neighbours on a second run) but never rewrites inside a replacement,
 * so later, broader patterns (user names, keywords) cannot mangle earlier ones.
 */
export interface Rewriting {
  text: string;
  spans: Array<[number, number]>;
}

export function startRewriting(text: string): Rewriting {
  return { text, spans: [] };
}

/** Where a match starts and what it holds; a `RegExpExecArray` is one. */
export interface TextMatch {
  index: number;
  0: string;
}

/** A global pattern, or something that finds what one would (an `AnchoredPattern`). */
export type Pattern = RegExp | { matches(text: string): Iterable<RegExpExecArray> };

function matchesOf(pattern: Pattern, text: string): Iterable<RegExpExecArray> {
  return pattern instanceof RegExp ? text.matchAll(pattern) : pattern.matches(text);
}

/** Replaces every match of `pattern` for which `replace` returns a string; null keeps the match. */
export function rewrite(state: Rewriting, pattern: Pattern, replace: (match: RegExpExecArray) => string | null): void {
  rewriteMatches(state, matchesOf(pattern, state.text), replace);
}

/** `rewrite` for matches found some other way; they must be found in `state.text` as it is now, in order and not overlapping. */
export function rewriteMatches<M extends TextMatch>(state: Rewriting, matches: Iterable<M>, replace: (match: M) => string | null): void {
  const source = state.text;
  const old = state.spans;
  const pieces: string[] = [];
  const spans: Array<[number, number]> = [];
  let last = 0;
  let delta = 0;
  let next = 0;
  for (const match of matches) {
    const start = match.index;
    const end = start + match[0].length;
    for (; next < old.length && old[next][1] <= start; next++) spans.push(shifted(old[next], delta));
    if (next < old.length && old[next][0] < end) continue;
    const replacement = replace(match);
    if (replacement === null || replacement === match[0]) continue;
    pieces.push(source.slice(last, start), replacement);
    spans.push([start + delta, start + delta + replacement.length]);
    delta += replacement.length - (end - start);
    last = end;
  }
  // Most passes replace nothing in most files; keeping the text and spans then saves copying them.
  if (pieces.length === 0) return;
  for (; next < old.length; next++) spans.push(shifted(old[next], delta));
  pieces.push(source.slice(last));
  state.text = pieces.join('');
  state.spans = spans;
}

/** Spans are never changed in place, so one that does not move is shared. */
function shifted(span: [number, number], delta: number): [number, number] {
  return delta === 0 ? span : [span[0] + delta, span[1] + delta];
}

/** Marks matches for which `keep` is true as replacements, so no later pass rewrites them. */
export function protect(state: Rewriting, pattern: Pattern, keep: (match: RegExpExecArray) => boolean): void {
  const added: Array<[number, number]> = [];
  const spans = state.spans;
  let next = 0;
  for (const match of matchesOf(pattern, state.text)) {
    const start = match.index;
    const end = start + match[0].length;
    while (next < spans.length && spans[next][1] <= start) next++;
    const overlaps = next < spans.length && spans[next][0] < end;
    if (end > start && !overlaps && keep(match)) added.push([start, end]);
  }
  if (added.length > 0) state.spans = [...state.spans, ...added].sort((a, b) => a[0] - b[0]);
}
