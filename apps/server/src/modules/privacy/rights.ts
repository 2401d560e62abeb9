/** The rights a person has (RIGHT-1), and where in the account each is used without staff help. */
export const RIGHTS = [
  {
    id: 'access',
    name: 'See your data',
    how: 'Account → Privacy (/account/privacy) → “Download my data”, after signing in again: a zip of everything we hold about you, with your files, ready within minutes and downloadable once within 24 hours.',
  },
  {
    id: 'portability',
    name: 'Take your data with you',
    how: 'The same zip holds one JSON and one CSV file per kind of data, with a README describing the format, so another service can read it.',
  },
  {
    id: 'rectification',
    name: 'Correct your data',
    how: 'Account (/account) lets you change your name, email, phone number, language and country at any time; Account → Privacy → “Ask for a correction” covers anything else, answered within one month.',
  },
  {
    id: 'erasure',
    name: 'Erase your data',
    how: 'Account → Privacy (/account/privacy) → “Erase my data”, after signing in again: erased at once, with a report of what was erased and what the law makes us keep, and until when.',
  },
  {
    id: 'restriction',
    name: 'Restrict processing',
    how: 'Account → Privacy (/account/privacy) → “Restrict processing”: we keep your data but use it for nothing except storage and legal claims.',
  },
  {
    id: 'objection',
    name: 'Object to processing',
    how: 'Account → Privacy (/account/privacy) → “Object”: statistics or surveys based on our legitimate interest stop at once.',
  },
  {
    id: 'consent-withdrawal',
    name: 'Withdraw consent',
    how: 'Account → Preferences turns each opt-in off, Account → Privacy → “Withdraw all consents” ends every one at once, and “Cookie settings” in the footer of every page changes your cookie choice. Withdrawing is as easy as giving.',
  },
] as const;

/** RIGHT-2: the complaint route, naming the authority the operator configured. */
export function complaint(authority: string) {
  return {
    authority,
    text:
      'You have the right to lodge a complaint with a supervisory authority, in particular in the country where you live, where you work, or where you think your data was mishandled. ' +
      `Our lead supervisory authority is ${authority}. You may also contact us first, through Account → Privacy, and we will answer within one month.`,
  };
}

export const LEGAL_BASES: Record<string, string> = {
  contract: 'Needed to provide the service you asked for',
  consent: 'You agreed, and can withdraw at any time',
  'legitimate-interest': 'Our legitimate interest, such as keeping accounts secure; you may object',
  'legal-obligation': 'The law requires it',
};
