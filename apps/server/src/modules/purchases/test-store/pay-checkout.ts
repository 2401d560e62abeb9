import { randomUUID } from 'node:crypto';
import type { Deps } from '../../../platform/deps.ts';
import { problems } from '../../../platform/errors.ts';
import type { SavedCard } from '../store-provider.ts';
import { openCheckout } from './open-checkout.ts';
import type { TestStoreProvider } from './test-store-provider.ts';

export interface PaymentForm {
  cardNumber: string;
  expMonth: string;
  expYear: string;
  saveCard?: 'on';
}

/** What the test store hands on about a card: never its number, only a reference of its own, the last four digits and expiry. */
function cardOf(deps: Pick<Deps, 'clock'>, form: PaymentForm): SavedCard {
  const digits = form.cardNumber.replaceAll(' ', '');
  if (!/^[0-9]{12,19}$/.test(digits)) throw problems.invalidField('cardNumber', 'must be 12 to 19 digits');
  const expMonth = Number(form.expMonth);
  const expYear = Number(form.expYear);
  const now = deps.clock.now();
  if (expYear * 12 + expMonth < now.getUTCFullYear() * 12 + now.getUTCMonth() + 1) throw problems.invalidField('expYear', 'the card has expired');
  return { ref: `test_card_${randomUUID()}`, last4: digits.slice(-4), expMonth, expYear };
}

/** The user confirmed the payment: the test store sends its signed webhook, and the order follows from that alone. */
export async function payCheckout(deps: Pick<Deps, 'db' | 'clock'>, provider: TestStoreProvider, userId: string, checkoutId: string, form: PaymentForm) {
  const checkout = await openCheckout(deps, userId, checkoutId);
  const card = cardOf(deps, form);
  return provider.pay({
    checkoutId: checkout.id,
    userId,
    items: checkout.items,
    currency: checkout.currency,
    ...(form.saveCard === 'on' ? { card } : {}),
  });
}
