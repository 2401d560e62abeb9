/**
 * A pattern searched for through a rarer character near its start. V8 tries a pattern that opens with a look-behind or a
 * broad class (hex digits, letters) at every position of a text, which made these few patterns most of redact's time;
 * a one-character anchor (`@`, `:`, `.`) is found many times faster. Each pattern's look-behind rules out starting inside
 * a run of the characters before its anchor, so it can only start where that run starts, and is tried there alone.
 *
 * `matches` finds exactly what `text.matchAll(pattern)` finds, provided that every match of `pattern` holds an `anchor`
 * hit preceded only by `runChar` characters (none of them an anchor character) back to the match's start, that its
 * look-behind rejects a `runChar` character before the start, and that it never matches the empty string.
 */
export class AnchoredPattern {
  readonly pattern: RegExp;
  private readonly sticky: RegExp;
  /** Global, matching one character; copied per search so searches of different texts can interleave. */
  private readonly anchor: RegExp;
  /** By char code; every run character is ASCII, and codes past the end read as undefined. */
  private readonly isRunChar = new Uint8Array(128);

  constructor(pattern: RegExp, anchor: RegExp, runChar: RegExp) {
    this.pattern = pattern;
    this.sticky = new RegExp(pattern.source, `${pattern.flags.replace('g', '')}y`);
    this.anchor = anchor;
    for (let code = 0; code < 128; code++) this.isRunChar[code] = runChar.test(String.fromCharCode(code)) ? 1 : 0;
  }

  /** The candidates rise strictly (runs end at anchors, which are not run characters), so the first success is the leftmost match. */
  *matches(text: string): Generator<RegExpExecArray> {
    const anchor = new RegExp(this.anchor);
    const isRunChar = this.isRunChar;
    let end = 0;
    while (anchor.test(text)) {
      let start = anchor.lastIndex - 1;
      // Stopping at the last match's end only adds a candidate that matchAll would try as well.
      while (start > end && isRunChar[text.charCodeAt(start - 1)] === 1) start--;
      this.sticky.lastIndex = start;
      const match = this.sticky.exec(text);
      if (match === null) continue;
      end = start + match[0].length;
      anchor.lastIndex = Math.max(anchor.lastIndex, end);
      yield match;
    }
  }
}
