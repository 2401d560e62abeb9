import { and, desc, eq } from 'drizzle-orm';
import type { Deps } from '../../platform/deps.ts';
import { problems } from '../../platform/errors.ts';
import { sha256Hex } from '../../platform/sha256-hex.ts';
import { DATA_PROVISIONING_TERMS } from './data-provisioning-terms.ts';
import { supportTermsAcceptance, supportTermsVersion } from './schema.ts';

export const CURRENT_TERMS_VERSION = sha256Hex(DATA_PROVISIONING_TERMS);

/** Publishes the terms of the running code once; older versions stay, so every acceptance names a text. */
export async function publishTerms(deps: Pick<Deps, 'db' | 'clock'>): Promise<void> {
  await deps.db
    .insert(supportTermsVersion)
    .values({ version: CURRENT_TERMS_VERSION, text: DATA_PROVISIONING_TERMS, publishedAt: deps.clock.now() })
    .onConflictDoNothing();
}

/** Whether the customer accepted the terms now in force; attachments need it (SUP-2). */
export async function acceptedCurrentTerms(deps: Pick<Deps, 'db'>, userId: string): Promise<boolean> {
  const [row] = await deps.db
    .select({ id: supportTermsAcceptance.id })
    .from(supportTermsAcceptance)
    .where(and(eq(supportTermsAcceptance.userId, userId), eq(supportTermsAcceptance.version, CURRENT_TERMS_VERSION)))
    .limit(1);
  return row !== undefined;
}

/** Refuses with a problem naming the terms, so the page can show them and ask again. */
export async function requireCurrentTerms(deps: Pick<Deps, 'db'>, userId: string): Promise<string> {
  if (!(await acceptedCurrentTerms(deps, userId))) throw problems.conflict('terms-not-accepted', 'Accept the data-provisioning terms before attaching files');
  return CURRENT_TERMS_VERSION;
}

export async function acceptTerms(deps: Pick<Deps, 'db' | 'clock'>, userId: string, version: string, source: 'web' | 'steward-diag') {
  if (version !== CURRENT_TERMS_VERSION) throw problems.conflict('terms-outdated', 'These terms have changed; read the current version');
  if (await acceptedCurrentTerms(deps, userId)) return;
  await deps.db.insert(supportTermsAcceptance).values({ userId, version, source, acceptedAt: deps.clock.now() });
}

export async function termsView(deps: Pick<Deps, 'db'>, userId: string) {
  const [latest] = await deps.db
    .select({ version: supportTermsAcceptance.version, acceptedAt: supportTermsAcceptance.acceptedAt })
    .from(supportTermsAcceptance)
    .where(eq(supportTermsAcceptance.userId, userId))
    .orderBy(desc(supportTermsAcceptance.acceptedAt))
    .limit(1);
  return {
    version: CURRENT_TERMS_VERSION,
    text: DATA_PROVISIONING_TERMS,
    accepted: latest?.version === CURRENT_TERMS_VERSION,
    acceptedAt: latest?.acceptedAt.toISOString() ?? null,
  };
}
