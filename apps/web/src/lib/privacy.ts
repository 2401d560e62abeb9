import { useQuery } from '@tanstack/react-query';
import { api } from './api';

/** The privacy policy as the server builds it from the data map (format steward-privacy-policy/1). */
export interface PolicyDataRow {
  table: string;
  column: string;
  category: string;
  purpose: string;
  basis: string;
  retention: string;
  retentionText: string;
  exported: boolean;
  erase: string;
  processors: string[];
  region: string | null;
}

export interface PolicyService {
  id: string;
  name: string;
  description: string;
  data: PolicyDataRow[];
  purposes: string[];
  legalBases: { basis: string; text: string }[];
  retention: { rule: string; text: string }[];
  processors: { id: string; name: string; purpose: string; region: string }[];
}

export interface PolicyProcessor {
  id: string;
  name: string;
  purpose: string;
  data: string;
  region: string;
  usedWhen: string;
}

export interface CookieCategoryInfo {
  id: string;
  name: string;
  description: string;
  strictlyNecessary: boolean;
}

export interface CookieInfo {
  name: string;
  setBy: string;
  category: string;
  purpose: string;
  lifetimeSeconds: number | null;
  strictlyNecessary: boolean;
}

export interface PolicyDocument {
  format: string;
  services: PolicyService[];
  processors: PolicyProcessor[];
  rights: { id: string; name: string; how: string }[];
  complaint: { authority: string; text: string };
  /** Absent in versions published before PRIN-3 was written into the policy. */
  processingRegion?: { name: string; text: string };
  /** Absent in versions published before PRIN-5 was written into the policy. */
  automatedDecisions?: { statement: string; measures: { id: string; what: string; why: string; human: string }[] };
  cookies: { categories: CookieCategoryInfo[]; cookies: CookieInfo[]; choice: string };
}

export interface Policy {
  hash: string;
  publishedAt: string;
  document: PolicyDocument;
}

export interface PolicyVersion {
  hash: string;
  publishedAt: string;
  current: boolean;
}

/** The categories a visitor chooses; the strictly necessary ones need no choice. */
export const OPTIONAL_COOKIE_CATEGORIES = ['preferences', 'performance', 'first-party-analytics', 'third-party-advertising', 'social-networks'] as const;
export type OptionalCookieCategory = (typeof OPTIONAL_COOKIE_CATEGORIES)[number];
export type CookieChoice = Record<OptionalCookieCategory, boolean>;

export interface CookieConsentState {
  chosen: boolean;
  categories: CookieChoice;
}

export const COOKIE_CONSENT_KEY = ['privacy', 'cookie-consent'];
export const COOKIE_PROOF_URL = '/api/privacy/cookie-consent/proof';

export function allCategories(value: boolean): CookieChoice {
  return Object.fromEntries(OPTIONAL_COOKIE_CATEGORIES.map((c) => [c, value])) as CookieChoice;
}

export function useCurrentPolicy(enabled = true) {
  return useQuery({
    queryKey: ['privacy', 'policy', 'current'],
    queryFn: () => api.get<Policy>('/api/privacy/policy'),
    staleTime: 5 * 60_000,
    enabled,
  });
}

export function usePolicyVersion(hash: string | undefined) {
  return useQuery({
    queryKey: ['privacy', 'policy', hash],
    queryFn: () => api.get<Policy>(`/api/privacy/policy/${hash}`),
    staleTime: Number.POSITIVE_INFINITY,
    enabled: Boolean(hash),
  });
}

export function usePolicyVersions() {
  return useQuery({
    queryKey: ['privacy', 'policy', 'versions'],
    queryFn: () => api.get<{ versions: PolicyVersion[] }>('/api/privacy/policy/versions'),
    staleTime: 5 * 60_000,
  });
}

export function useCookieConsent() {
  return useQuery({
    queryKey: COOKIE_CONSENT_KEY,
    queryFn: () => api.get<CookieConsentState>('/api/privacy/cookie-consent'),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function shortHash(hash: string): string {
  return hash.slice(0, 8);
}

const UNITS: [number, string][] = [
  [365 * 24 * 3600, 'year'],
  [24 * 3600, 'day'],
  [3600, 'hour'],
  [60, 'minute'],
  [1, 'second'],
];

/** A cookie's lifetime in words: "7 days", "1 year", or until the browser closes. */
export function lifetimeInWords(seconds: number | null): string {
  if (seconds === null) return 'Until you close the browser';
  for (const [size, unit] of UNITS) {
    if (seconds >= size && seconds % size === 0) {
      const n = seconds / size;
      return `${n} ${unit}${n === 1 ? '' : 's'}`;
    }
  }
  return `${seconds} seconds`;
}

const CATEGORY_WORDS: Record<string, string> = {
  identity: 'Who you are',
  contact: 'Contact details',
  credential: 'Sign-in credentials',
  security: 'Security records',
  preference: 'Your preferences',
  consent: 'Your consents',
  technical: 'Technical data',
  communication: 'Messages',
  financial: 'Payment data',
  support: 'Support requests',
  content: 'Content you give us',
};

/** A data-map category ("credential") in words for the reader. */
export function categoryInWords(category: string): string {
  return CATEGORY_WORDS[category] ?? category.replaceAll('-', ' ').replace(/^./, (c) => c.toUpperCase());
}

/** A column name ("phone_number_verified") in words ("Phone number verified"). */
export function columnInWords(column: string): string {
  const words = column.replaceAll('_', ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
