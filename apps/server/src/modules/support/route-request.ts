import type { LicenseKind } from '../licenses/schema.ts';

/** What a rule can ask of a license: its kind, or `business` for one covering several devices. */
export const RULE_LICENSE_KINDS = ['subscription', 'trial', 'perpetual', 'business'] as const;
export type RuleLicenseKind = (typeof RULE_LICENSE_KINDS)[number];

export interface RoutingRule {
  position: number;
  departmentId: string;
  licenseKind: RuleLicenseKind | null;
  productId: string | null;
  country: string | null;
  language: string | null;
}

export interface RoutingDepartment {
  id: string;
  isDefault: boolean;
}

export interface LicenseFact {
  kind: LicenseKind;
  seats: number;
}

/**
 * What a request is routed by (SUP-3). `licenses` is a list so that a company's licenses can
 * join the one the customer picked; a rule on license kind matches when any of them does.
 */
export interface RoutingFacts {
  productId: string;
  licenses: LicenseFact[];
  country: string | null;
  language: string | null;
}

/** `de-AT` and `DE` both route as `de`: rules name the primary language only. */
export function primaryLanguage(tag: string | null): string | null {
  const primary = tag?.split('-')[0]?.toLowerCase();
  return primary ? primary : null;
}

function licenseMatches(kind: RuleLicenseKind, license: LicenseFact): boolean {
  return kind === 'business' ? license.seats > 1 : license.kind === kind;
}

function ruleMatches(rule: RoutingRule, facts: RoutingFacts): boolean {
  if (rule.licenseKind !== null && !facts.licenses.some((license) => licenseMatches(rule.licenseKind as RuleLicenseKind, license))) return false;
  if (rule.productId !== null && rule.productId !== facts.productId) return false;
  if (rule.country !== null && rule.country !== facts.country?.toUpperCase()) return false;
  if (rule.language !== null && rule.language !== primaryLanguage(facts.language)) return false;
  return true;
}

/**
 * The department a request goes to: that of the first rule by position whose every set
 * condition holds, else the default department. Pure, so every combination is cheap to test.
 */
export function routeRequest(rules: readonly RoutingRule[], departments: readonly RoutingDepartment[], facts: RoutingFacts): string {
  const known = new Set(departments.map((d) => d.id));
  const match = [...rules].sort((a, b) => a.position - b.position).find((rule) => known.has(rule.departmentId) && ruleMatches(rule, facts));
  if (match) return match.departmentId;
  const fallback = departments.find((d) => d.isDefault);
  if (!fallback) throw new Error('no default support department');
  return fallback.id;
}
