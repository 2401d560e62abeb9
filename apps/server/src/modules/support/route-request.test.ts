import { describe, expect, it } from 'vitest';
import { primaryLanguage, type RoutingFacts, type RoutingRule, routeRequest } from './route-request.ts';

const departments = [
  { id: 'consumer', isDefault: true },
  { id: 'dach', isDefault: false },
  { id: 'business', isDefault: false },
  { id: 'mail', isDefault: false },
];

const rule = (position: number, departmentId: string, conditions: Partial<RoutingRule> = {}): RoutingRule => ({
  position,
  departmentId,
  licenseKind: null,
  productId: null,
  country: null,
  language: null,
  ...conditions,
});

const facts = (overrides: Partial<RoutingFacts> = {}): RoutingFacts => ({
  productId: 'total-security',
  licenses: [],
  country: null,
  language: null,
  ...overrides,
});
const single = { kind: 'subscription' as const, seats: 1 };
const family = { kind: 'subscription' as const, seats: 3 };

describe('routeRequest', () => {
  it('[SUP-3] sends a request no rule matches to the default department', () => {
    expect(routeRequest([], departments, facts())).toBe('consumer');
    expect(routeRequest([rule(0, 'dach', { language: 'de' })], departments, facts({ language: 'fr' }))).toBe('consumer');
  });

  it('[SUP-3] routes by language, on the primary subtag in any case', () => {
    const rules = [rule(0, 'dach', { language: 'de' })];
    for (const language of ['de', 'de-AT', 'de-CH', 'DE']) expect(routeRequest(rules, departments, facts({ language })), language).toBe('dach');
    for (const language of ['en', 'da', null]) expect(routeRequest(rules, departments, facts({ language })), String(language)).toBe('consumer');
  });

  it('[SUP-3] routes by country, upper case ISO 3166', () => {
    const rules = [rule(0, 'dach', { country: 'AT' })];
    expect(routeRequest(rules, departments, facts({ country: 'AT' }))).toBe('dach');
    expect(routeRequest(rules, departments, facts({ country: 'at' }))).toBe('dach');
    expect(routeRequest(rules, departments, facts({ country: 'DE' }))).toBe('consumer');
    expect(routeRequest(rules, departments, facts({ country: null }))).toBe('consumer');
  });

  it('[SUP-3] routes by license kind; business means a license for several devices', () => {
    const rules = [rule(0, 'business', { licenseKind: 'business' }), rule(1, 'mail', { licenseKind: 'trial' })];
    expect(routeRequest(rules, departments, facts({ licenses: [family] }))).toBe('business');
    expect(routeRequest(rules, departments, facts({ licenses: [single] }))).toBe('consumer');
    expect(routeRequest(rules, departments, facts({ licenses: [{ kind: 'trial', seats: 1 }] }))).toBe('mail');
    expect(routeRequest(rules, departments, facts({ licenses: [] }))).toBe('consumer');
    expect(routeRequest(rules, departments, facts({ licenses: [single, family] }))).toBe('business');
    expect(routeRequest([rule(0, 'mail', { licenseKind: 'perpetual' })], departments, facts({ licenses: [{ kind: 'perpetual', seats: 1 }] }))).toBe('mail');
  });

  it('[SUP-3] routes by product', () => {
    const rules = [rule(0, 'mail', { productId: 'mail-protection' })];
    expect(routeRequest(rules, departments, facts({ productId: 'mail-protection' }))).toBe('mail');
    expect(routeRequest(rules, departments, facts({ productId: 'total-security' }))).toBe('consumer');
  });

  it('[SUP-3] needs every condition of a rule to hold', () => {
    const rules = [rule(0, 'business', { licenseKind: 'business', country: 'DE', language: 'de', productId: 'total-security' })];
    const all = facts({ licenses: [family], country: 'DE', language: 'de' });
    expect(routeRequest(rules, departments, all)).toBe('business');
    expect(routeRequest(rules, departments, { ...all, licenses: [single] })).toBe('consumer');
    expect(routeRequest(rules, departments, { ...all, country: 'AT' })).toBe('consumer');
    expect(routeRequest(rules, departments, { ...all, language: 'en' })).toBe('consumer');
    expect(routeRequest(rules, departments, { ...all, productId: 'mail-protection' })).toBe('consumer');
  });

  it('[SUP-3] lets the first matching rule by position win, whatever order the list arrives in', () => {
    const german = rule(0, 'dach', { language: 'de' });
    const business = rule(1, 'business', { licenseKind: 'business' });
    const both = facts({ language: 'de', licenses: [family] });
    expect(routeRequest([german, business], departments, both)).toBe('dach');
    expect(routeRequest([business, german], departments, both)).toBe('dach');
    expect(routeRequest([{ ...german, position: 2 }, business], departments, both)).toBe('business');
    expect(routeRequest([rule(0, 'mail'), german], departments, both)).toBe('mail');
  });

  it('skips a rule whose department is gone, and has no silent fallback without a default', () => {
    expect(routeRequest([rule(0, 'removed', { language: 'de' })], departments, facts({ language: 'de' }))).toBe('consumer');
    expect(() => routeRequest([], [{ id: 'dach', isDefault: false }], facts())).toThrow(/default/);
  });

  it('reads the primary language of a tag', () => {
    expect(primaryLanguage('de-Latn-AT')).toBe('de');
    expect(primaryLanguage('')).toBeNull();
    expect(primaryLanguage(null)).toBeNull();
  });
});
