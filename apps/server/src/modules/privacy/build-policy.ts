import type { ColumnEntry } from '../../platform/datamap/annotate.ts';
import { collectDataMap } from '../../platform/datamap/collect.ts';
import { regionName } from '../../platform/regions.ts';
import { AUTOMATED_MEASURES, NO_AUTOMATED_DECISIONS } from './automated-measures.ts';
import { canonicalJson, sha256Hex } from './canonical-json.ts';
import { type PersonalColumn, personalColumns } from './datamap-view.ts';
import { describeRetention } from './retention-text.ts';
import { complaint, LEGAL_BASES, RIGHTS } from './rights.ts';
import { COOKIE_CATEGORIES, type CookieDefinition, cookiesInUse, PROCESSORS, type Processor, SERVICES, type Service } from './services.ts';

export const POLICY_FORMAT = 'steward-privacy-policy/1';

export interface PolicyInput {
  dataMap: ColumnEntry[];
  services: Service[];
  processors: Processor[];
  cookies: CookieDefinition[];
  authority: string;
  /** The declared processing region's name (PRIN-3). */
  region: string;
}

export type PolicyDocument = ReturnType<typeof buildPolicy>;

/** What the running code declares: the data map, the services file, and the cookies it sets. */
export function currentPolicyInput(config: { baseUrl: string; supervisoryAuthority: string; region: string }): PolicyInput {
  const region = regionName(config.region);
  return {
    dataMap: collectDataMap(),
    services: SERVICES,
    processors: PROCESSORS.map((processor) => ({ ...processor, region })),
    cookies: cookiesInUse(config.baseUrl),
    authority: config.supervisoryAuthority,
    region,
  };
}

const unique = (values: string[]) => [...new Set(values)].sort();

// Tables no service claims still appear, so a new table is never missing from the policy.
const UNCLAIMED: Service = {
  id: 'other',
  name: 'Other processing',
  description: 'Data held by parts of Steward not yet described above; each item still names its purpose, legal basis and retention.',
  tables: [],
  processors: [],
};

function describeService(service: Service, data: PersonalColumn[], register: Map<string, Processor>) {
  const processorIds = unique([...service.processors, ...data.flatMap((row) => row.processors)]);
  return {
    id: service.id,
    name: service.name,
    description: service.description,
    data: data.map((row) => ({ ...row, retentionText: describeRetention(row.retention) })),
    purposes: unique(data.map((row) => row.purpose)),
    legalBases: unique(data.map((row) => row.basis)).map((basis) => ({ basis, text: LEGAL_BASES[basis] ?? basis })),
    retention: unique(data.map((row) => row.retention)).map((rule) => ({ rule, text: describeRetention(rule) })),
    processors: processorIds.map((id) => {
      const processor = register.get(id);
      return { id, name: processor?.name ?? id, purpose: processor?.purpose ?? '', region: processor?.region ?? '' };
    }),
  };
}

function servicesWithData(input: PolicyInput, rows: PersonalColumn[], register: Map<string, Processor>) {
  const claimed = new Set(input.services.flatMap((service) => service.tables));
  const described = input.services.map((service) =>
    describeService(
      service,
      rows.filter((row) => service.tables.includes(row.table)),
      register,
    ),
  );
  const orphans = rows.filter((row) => !claimed.has(row.table));
  if (orphans.length > 0) described.push(describeService(UNCLAIMED, orphans, register));
  return described;
}

function cookieSection(cookies: CookieDefinition[]) {
  return {
    categories: COOKIE_CATEGORIES.map((category) => ({ ...category })),
    cookies: cookies.map((cookie) => ({ ...cookie })),
    choice:
      'Only strictly necessary cookies are set before you choose. “Cookie settings” at the foot of every page lets you allow or refuse each other category, and change your mind at any time; the site works either way.',
  };
}

/** The privacy policy as data (PRIN-6): nothing here is typed twice, all of it comes from the code. */
export function buildPolicy(input: PolicyInput) {
  const rows = personalColumns(input.dataMap);
  const register = new Map(input.processors.map((processor) => [processor.id, processor]));
  const services = servicesWithData(input, rows, register);
  const used = new Set(services.flatMap((service) => service.processors.map((processor) => processor.id)));
  return {
    format: POLICY_FORMAT,
    services,
    processors: input.processors.filter((processor) => used.has(processor.id)).map((processor) => ({ ...processor })),
    rights: RIGHTS.map((right) => ({ ...right })),
    complaint: complaint(input.authority),
    processingRegion: {
      name: input.region,
      text: `Your data is stored and processed in ${input.region} and stays there: our servers, file storage and every processor listed here work in ${input.region}, and the service refuses to start with a store outside it.`,
    },
    automatedDecisions: { statement: NO_AUTOMATED_DECISIONS, measures: AUTOMATED_MEASURES.map((measure) => ({ ...measure })) },
    cookies: cookieSection(input.cookies),
  };
}

export function policyHash(document: PolicyDocument): string {
  return sha256Hex(canonicalJson(document));
}
