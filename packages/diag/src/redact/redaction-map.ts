/** The kinds of identifier `redact` replaces, in the order the report prints them. */
export const REDACTION_KINDS = ['ipv4', 'ipv6', 'mac', 'email', 'hostname', 'domain', 'user', 'keyword'] as const;
export type RedactionKind = (typeof REDACTION_KINDS)[number];

export const REDACTION_MAP_FORMAT = 'steward-diag-redaction-map/1';

/**
 * Original → replacement per kind, plus the network tables that keep address structure
 * (a /24 or /64 of the original maps to one fake /24 or /64). Keys are normalised
 * (lower case, canonical IPv6) so spelling variants share one replacement.
 */
export interface RedactionMap {
  format: typeof REDACTION_MAP_FORMAT;
  entries: Record<RedactionKind, Record<string, string>>;
  ipv4Networks: Record<string, string>;
  ipv6Networks: Record<string, string>;
}

export function emptyRedactionMap(): RedactionMap {
  const entries = Object.fromEntries(REDACTION_KINDS.map((kind) => [kind, {}])) as Record<RedactionKind, Record<string, string>>;
  return { format: REDACTION_MAP_FORMAT, entries, ipv4Networks: {}, ipv6Networks: {} };
}

export interface KindCount {
  distinct: number;
  replacements: number;
}

export type RedactionCounts = Record<RedactionKind, KindCount>;

type NetworkTable = 'ipv4Networks' | 'ipv6Networks';

/** Hands out replacements and counts them; one per run, shared by every file of that run. */
export class RedactionLedger {
  readonly map: RedactionMap;
  private readonly used: Record<RedactionKind, Set<string>>;
  private readonly seen: Record<RedactionKind, Set<string>>;
  private readonly replacements: Record<RedactionKind, number>;
  /** Entries per kind and fake networks per table and prefix, kept rather than recounted so each new value costs the same. */
  private readonly sizes: Record<RedactionKind, number>;
  private readonly networkCounts = new Map<string, number>();

  constructor(map: RedactionMap) {
    this.map = map;
    this.used = perKind(() => new Set<string>());
    this.seen = perKind(() => new Set<string>());
    this.replacements = perKind(() => 0);
    this.sizes = perKind((kind) => Object.keys(map.entries[kind]).length);
    for (const kind of REDACTION_KINDS) {
      for (const value of Object.values(map.entries[kind])) this.used[kind].add(value.toLowerCase());
    }
  }

  /** True when `value` is itself a replacement this map handed out, so redacting output again leaves it alone. */
  isReplacement(kind: RedactionKind, value: string): boolean {
    return this.used[kind].has(value.toLowerCase());
  }

  /**
   * The replacement for `key`, allocating one with `make(n)` (n = 0, 1, … skipping values already used)
   * when the value is new; a `make` that ignores n (IPv4 keeps the host octet) is taken as it is. Counts one replacement.
   */
  replace(kind: RedactionKind, key: string, make: (n: number) => string): string {
    const table = this.map.entries[kind];
    let replacement = table[key];
    if (replacement === undefined) {
      let n = this.sizes[kind];
      replacement = make(n);
      while (this.used[kind].has(replacement.toLowerCase())) {
        const following = make(++n);
        if (following === replacement) break;
        replacement = following;
      }
      table[key] = replacement;
      this.sizes[kind]++;
      this.used[kind].add(replacement.toLowerCase());
    }
    this.seen[kind].add(key);
    this.replacements[kind]++;
    return replacement;
  }

  /** The fake network of the original network `key`, made by `make(n)` when new: n counts the table's fakes starting with `prefix`. */
  network(table: NetworkTable, key: string, prefix: string, make: (n: number) => string): string {
    const networks = this.map[table];
    const known = networks[key];
    if (known !== undefined) return known;
    const counter = `${table} ${prefix}`;
    const n = this.networkCounts.get(counter) ?? Object.values(networks).filter((fake) => fake.startsWith(prefix)).length;
    const fake = make(n);
    networks[key] = fake;
    this.networkCounts.set(counter, n + 1);
    return fake;
  }

  counts(): RedactionCounts {
    return perKind((kind) => ({ distinct: this.seen[kind].size, replacements: this.replacements[kind] }));
  }
}

function perKind<T>(make: (kind: RedactionKind) => T): Record<RedactionKind, T> {
  return Object.fromEntries(REDACTION_KINDS.map((kind) => [kind, make(kind)])) as Record<RedactionKind, T>;
}
