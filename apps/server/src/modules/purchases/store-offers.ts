import type { Deps } from '../../platform/deps.ts';
import { listOffers, type Offer } from '../licenses/catalogue.ts';

/** What the store sells: every offer of the catalogue but trials, which come free from their own form. */
export async function storeOffers(deps: Pick<Deps, 'db'>): Promise<Offer[]> {
  return (await listOffers(deps)).filter((offer) => offer.kind !== 'trial');
}
