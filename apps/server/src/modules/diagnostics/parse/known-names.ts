/**
 * Update and licensing domains of our product and of well-known security vendors. A hosts file that
 * maps one of them (or a subdomain) elsewhere keeps updates or activation from working, which is
 * how malware disables protection.
 */
export const VENDOR_DOMAINS = [
  'steward.example',
  'update.steward.example',
  'license.steward.example',
  'download.steward.example',
  'windowsupdate.com',
  'update.microsoft.com',
  'download.microsoft.com',
  'wdcp.microsoft.com',
  'definitionupdates.microsoft.com',
  'kaspersky.com',
  'kaspersky-labs.com',
  'eset.com',
  'eset.sk',
  'avast.com',
  'avg.com',
  'bitdefender.com',
  'bitdefender.net',
  'mcafee.com',
  'norton.com',
  'symantec.com',
  'symantecliveupdate.com',
  'sophos.com',
  'sophosupd.com',
  'trendmicro.com',
  'malwarebytes.com',
  'f-secure.com',
  'clamav.net',
] as const;

/** Our own product's service names (lower case): stopped, it leaves the computer unprotected. */
export const OUR_SERVICES = ['steward', 'stewardd', 'steward-agent', 'steward-protection', 'stewardsvc'] as const;

/** Other security products, matched in lower-case program, package and service names. */
export const OTHER_SECURITY_PRODUCTS: ReadonlyArray<{ name: string; patterns: readonly string[]; builtIn?: boolean }> = [
  { name: 'ClamAV', patterns: ['clamav', 'clamd'] },
  { name: 'Sophos', patterns: ['sophos', 'sav-protect'] },
  { name: 'McAfee', patterns: ['mcafee', 'mfemms', 'mfefire'] },
  { name: 'Norton', patterns: ['norton'] },
  { name: 'Symantec', patterns: ['symantec'] },
  { name: 'Kaspersky', patterns: ['kaspersky', 'avp.'] },
  { name: 'ESET', patterns: ['eset ', 'esets', 'ekrn', 'eset-'] },
  { name: 'Bitdefender', patterns: ['bitdefender', 'bdservicehost'] },
  { name: 'Avast', patterns: ['avast'] },
  { name: 'AVG', patterns: ['avg antivirus', 'avgsvc', 'avg internet security'] },
  { name: 'Trend Micro', patterns: ['trend micro', 'trendmicro'] },
  { name: 'Malwarebytes', patterns: ['malwarebytes', 'mbamservice'] },
  { name: 'Windows Defender', patterns: ['windefend', 'windows defender', 'microsoft defender', 'mdatp'], builtIn: true },
];
