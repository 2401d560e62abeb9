import { escapeHtml } from '../../../platform/http/escape-html.ts';
import type { OpenCheckout } from './open-checkout.ts';

const TEST_CARD = '4242 4242 4242 4242';

export const money = (cents: number, currency: string) => `${(cents / 100).toFixed(2)} ${currency}`;

/**
 * The test store's payment page: a plain form and no script, so the server's content security
 * policy holds. The card number goes to the test store only; Steward receives its last four
 * digits and expiry, and those only if the box is ticked.
 */
export function checkoutPage(checkout: OpenCheckout, now: Date): string {
  const rows = checkout.items
    .map(
      (item) =>
        `<tr><td>${escapeHtml(item.name)}</td><td>× ${item.quantity}</td><td>${money(item.quantity * item.unitPriceCents, checkout.currency)}</td></tr>`,
    )
    .join('');
  const total = money(checkout.totalCents, checkout.currency);
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Test store: pay ${total}</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 34rem; margin: 2rem auto; padding: 0 1rem">
<h1>Test store</h1>
<p>This store stands in for a payment provider. No money moves: the test card below will do, or any other number.</p>
<table style="width: 100%; border-collapse: collapse"><tbody>${rows}</tbody>
<tfoot><tr><th colspan="2" style="text-align: left">Total</th><th>${total}</th></tr></tfoot></table>
<form method="post" action="/api/store/test/checkout/${checkout.id}/pay" style="display: grid; gap: 0.75rem; margin-top: 1.5rem">
<label>Card number <input name="cardNumber" value="${TEST_CARD}" inputmode="numeric" autocomplete="cc-number" required pattern="[0-9 ]{12,23}" maxlength="23"></label>
<label>Expiry month <input name="expMonth" value="12" inputmode="numeric" autocomplete="cc-exp-month" required pattern="(0?[1-9]|1[0-2])" maxlength="2" size="2"></label>
<label>Expiry year <input name="expYear" value="${now.getUTCFullYear() + 3}" inputmode="numeric" autocomplete="cc-exp-year" required pattern="20[0-9]{2}" maxlength="4" size="4"></label>
<label><input type="checkbox" name="saveCard" value="on"${checkout.saveCard ? ' checked' : ''}> Save this card for later purchases and auto-renewal. Steward keeps only its last four digits and expiry.</label>
<button type="submit">Pay ${total}</button>
</form>
</body>
</html>`;
}
