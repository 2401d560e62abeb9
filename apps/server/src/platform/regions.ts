/**
 * PRIN-3: the processing regions a deployment can declare, and where a cloud region code puts
 * data. The data of every account on this deployment stays in its declared region.
 */
export const REGIONS: Record<string, string> = {
  eu: 'the EU/EEA',
  uk: 'the United Kingdom',
  ch: 'Switzerland',
  us: 'the United States',
  ca: 'Canada',
  au: 'Australia',
  jp: 'Japan',
};

// AWS-style region codes (also used by most S3-compatible stores). London and Zurich sit outside
// the EU; any code not listed is treated as outside every declared region.
const CLOUD_REGIONS: Array<[RegExp, string]> = [
  [/^eu-west-2$/, 'uk'],
  [/^eu-central-2$/, 'ch'],
  [/^eu-(west|central|north|south)-\d$/, 'eu'],
  [/^us-(east|west)-\d$/, 'us'],
  [/^ca-(central|west)-\d$/, 'ca'],
  [/^ap-southeast-(2|4)$/, 'au'],
  [/^ap-northeast-(1|3)$/, 'jp'],
];

export function regionOfCloudCode(code: string): string | undefined {
  return CLOUD_REGIONS.find(([pattern]) => pattern.test(code))?.[1];
}

export function regionName(region: string): string {
  return REGIONS[region] ?? region;
}
