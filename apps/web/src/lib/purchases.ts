import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './api';
import type { LicenseKind } from './licenses';

/** Shapes of the purchases API (apps/server/src/modules/purchases). */
export interface Offer {
  /** The license type this offer sells. */
  id: string;
  productId: string;
  productName: string;
  name: string;
  kind: LicenseKind;
  seats: number;
  termDays: number | null;
  priceCents: number;
  currency: string;
}

export interface Order {
  id: string;
  placedAt: string;
  status: 'paid' | 'refunded';
  totalCents: number;
  currency: string;
  items: { licenseTypeId: string; name: string; quantity: number; renewsLicenseId: string | null }[];
  licenses: { id: string; codeLastGroup: string }[];
}

export interface LinkedCard {
  id: string;
  last4: string;
  expMonth: number;
  expYear: number;
  provider: string;
}

export interface Checkout {
  checkoutId: string;
  checkoutUrl: string;
}

const ORDERS_KEY = ['purchases'];
const CARDS_KEY = ['cards'];

export function formatPrice(cents: number, currency: string): string {
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(cents / 100);
  } catch {
    return `${(cents / 100).toFixed(2)} ${currency}`;
  }
}

/** "04/27": how a card's expiry is printed on it. */
export const cardExpiry = (card: LinkedCard) => `${String(card.expMonth).padStart(2, '0')}/${String(card.expYear % 100).padStart(2, '0')}`;

export function useOffers() {
  return useQuery({ queryKey: ['store', 'offers'], queryFn: () => api.get<Offer[]>('/api/store/offers') });
}

export function useOrders() {
  return useQuery({ queryKey: ORDERS_KEY, queryFn: () => api.get<Order[]>('/api/account/purchases') });
}

export function useCards() {
  return useQuery({ queryKey: CARDS_KEY, queryFn: () => api.get<LinkedCard[]>('/api/account/cards') });
}

export function useRemoveCard() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (cardId: string) => api.delete<void>(`/api/account/cards/${cardId}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: CARDS_KEY }),
  });
}

/**
 * Starts a payment at the store and leaves for its page; the store sends the browser back to the
 * purchase history. Orders are placed only by this action of the user (ACC-7).
 */
export async function startCheckout(input: { licenseTypeId: string; renewsLicenseId?: string; saveCard?: boolean }): Promise<void> {
  const { checkoutUrl } = await api.post<Checkout>('/api/account/purchases/checkout', input);
  window.location.assign(checkoutUrl);
}
