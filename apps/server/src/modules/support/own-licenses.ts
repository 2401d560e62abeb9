import type { Deps } from '../../platform/deps.ts';
import { PRODUCTS } from '../licenses/catalogue.ts';
import { type LicenseView, licenseViews } from '../licenses/license-view.ts';
import type { LicenseFact } from './route-request.ts';

export interface LicenseChoice extends LicenseFact {
  id: string;
  label: string;
  productId: string;
}

function choiceOf(view: LicenseView): LicenseChoice {
  return {
    id: view.id,
    label: `${view.product.name}, ${view.type.name} (…${view.codeLastGroup}, ${view.status})`,
    productId: view.product.id,
    kind: view.type.kind,
    seats: view.type.seats,
  };
}

/** The licenses of the account a request may name, through the licenses service. */
export async function licenseChoices(deps: Pick<Deps, 'db' | 'clock'>, userId: string, licenseId?: string): Promise<LicenseChoice[]> {
  return (await licenseViews(deps, userId, licenseId)).map(choiceOf);
}

export function productName(productId: string): string | null {
  return PRODUCTS.find((p) => p.id === productId)?.name ?? null;
}

/** What the request form offers: the catalogue's products, the account's licenses, the email to answer. */
export async function requestOptions(deps: Pick<Deps, 'db' | 'clock'>, caller: { userId: string; email: string }) {
  const licenses = await licenseChoices(deps, caller.userId);
  return {
    products: PRODUCTS.map((p) => ({ id: p.id, name: p.name })),
    licenses: licenses.map(({ id, label, productId }) => ({ id, label, productId })),
    email: caller.email,
  };
}
