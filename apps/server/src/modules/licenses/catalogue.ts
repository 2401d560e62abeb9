import { eq, sql } from 'drizzle-orm';
import type { Deps } from '../../platform/deps.ts';
import { type LicenseKind, licenseType, product } from './schema.ts';

export interface Product {
  id: string;
  name: string;
  entitlements: string[];
}

export interface LicenseTypeEntry {
  id: string;
  productId: string;
  name: string;
  kind: LicenseKind;
  seats: number;
  termDays: number | null;
  priceCents: number;
  currency: string;
}

/** What the vendor sells. Reference data kept in the code, so every installation offers the same. */
export const PRODUCTS: Product[] = [
  { id: 'total-security', name: 'Steward Total Security', entitlements: ['antivirus', 'firewall', 'anti-theft', 'web-protection'] },
  { id: 'mail-protection', name: 'Steward Mail Protection', entitlements: ['mail-scan', 'file-scan'] },
];

const subscription = (productId: string, seats: number, priceCents: number): LicenseTypeEntry => ({
  id: `${productId}-1y-${seats}`,
  productId,
  name: `1 year, ${seats === 1 ? '1 device' : `${seats} devices`}`,
  kind: 'subscription',
  seats,
  termDays: 365,
  priceCents,
  currency: 'EUR',
});

export const LICENSE_TYPES: LicenseTypeEntry[] = [
  subscription('total-security', 1, 3995),
  subscription('total-security', 3, 5995),
  subscription('total-security', 10, 11995),
  { id: 'total-security-trial-30d', productId: 'total-security', name: '30-day trial', kind: 'trial', seats: 1, termDays: 30, priceCents: 0, currency: 'EUR' },
  {
    id: 'total-security-perpetual-1',
    productId: 'total-security',
    name: 'Perpetual, 1 device',
    kind: 'perpetual',
    seats: 1,
    termDays: null,
    priceCents: 9995,
    currency: 'EUR',
  },
  subscription('mail-protection', 1, 2495),
  subscription('mail-protection', 10, 14995),
  {
    id: 'mail-protection-trial-30d',
    productId: 'mail-protection',
    name: '30-day trial',
    kind: 'trial',
    seats: 1,
    termDays: 30,
    priceCents: 0,
    currency: 'EUR',
  },
];

/** Writes the catalogue into its tables; running it again, or on many nodes at once, changes nothing more. */
export async function ensureCatalogue(deps: Pick<Deps, 'db'>): Promise<void> {
  await deps.db
    .insert(product)
    .values(PRODUCTS)
    .onConflictDoUpdate({ target: product.id, set: { name: sql`excluded.name`, entitlements: sql`excluded.entitlements` } });
  await deps.db
    .insert(licenseType)
    .values(LICENSE_TYPES)
    .onConflictDoUpdate({
      target: licenseType.id,
      set: {
        productId: sql`excluded.product_id`,
        name: sql`excluded.name`,
        kind: sql`excluded.kind`,
        seats: sql`excluded.seats`,
        termDays: sql`excluded.term_days`,
        priceCents: sql`excluded.price_cents`,
        currency: sql`excluded.currency`,
      },
    });
}

const offerColumns = {
  id: licenseType.id,
  productId: licenseType.productId,
  productName: product.name,
  name: licenseType.name,
  kind: licenseType.kind,
  seats: licenseType.seats,
  termDays: licenseType.termDays,
  priceCents: licenseType.priceCents,
  currency: licenseType.currency,
};

export type Offer = LicenseTypeEntry & { productName: string };

/** Every license type on sale, for the store. */
export async function listOffers(deps: Pick<Deps, 'db'>): Promise<Offer[]> {
  return deps.db
    .select(offerColumns)
    .from(licenseType)
    .innerJoin(product, eq(product.id, licenseType.productId))
    .orderBy(licenseType.productId, licenseType.priceCents);
}

/** One license type with its product's name, or null when there is none by that id. */
export async function licenseTypeOf(deps: Pick<Deps, 'db'>, typeId: string): Promise<Offer | null> {
  const [row] = await deps.db
    .select(offerColumns)
    .from(licenseType)
    .innerJoin(product, eq(product.id, licenseType.productId))
    .where(eq(licenseType.id, typeId));
  return row ?? null;
}
