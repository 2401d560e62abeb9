import { Type } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '../../../platform/deps.ts';
import { problems } from '../../../platform/errors.ts';
import type { Auth } from '../../accounts/auth.ts';
import { guard, signedIn } from '../../accounts/current-session.ts';
import { checkoutPage } from './checkout-page.ts';
import { openCheckout } from './open-checkout.ts';
import { type PaymentForm, payCheckout } from './pay-checkout.ts';
import type { TestStoreProvider } from './test-store-provider.ts';

const FORM_LIMIT = 4 * 1024;

const CheckoutParams = Type.Object({ checkoutId: Type.String({ format: 'uuid' }) });
const PaymentFormSchema = Type.Object(
  {
    cardNumber: Type.String({ minLength: 12, maxLength: 23 }),
    expMonth: Type.String({ pattern: '^(0?[1-9]|1[0-2])$' }),
    expYear: Type.String({ pattern: '^20[0-9]{2}$' }),
    saveCard: Type.Optional(Type.Literal('on')),
  },
  { additionalProperties: false },
);

const tags = ['store'];

/** A form post must come from a page of this server: the browser's Origin header says where it was sent from. */
// Browsers under helmet's no-referrer policy send `Origin: null` on a same-site form post, so the
// fetch-metadata header counts as proof too; a cross-site post carries neither.
function refuseCrossSite(deps: Deps, request: FastifyRequest): void {
  const sameOrigin = request.headers.origin === new URL(deps.config.baseUrl).origin || request.headers['sec-fetch-site'] === 'same-origin';
  if (!sameOrigin) throw problems.forbidden('The payment form must be sent from this site');
}

/** The built-in test store's own pages, reached only through a checkout the signed-in user started. */
export async function testStoreRoutes(app: FastifyInstance, opts: { auth: Auth; deps: Deps; provider: TestStoreProvider }) {
  const { auth, deps, provider } = opts;
  app.addHook('onRequest', guard(auth));
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: FORM_LIMIT }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });

  app.get<{ Params: { checkoutId: string } }>(
    '/api/store/test/checkout/:checkoutId',
    { schema: { tags, summary: 'The test store’s payment page for a checkout of the caller', params: CheckoutParams } },
    async (request, reply) => {
      const checkout = await openCheckout(deps, signedIn(request).userId, request.params.checkoutId);
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(checkoutPage(checkout, deps.clock.now()));
    },
  );

  app.post<{ Params: { checkoutId: string }; Body: PaymentForm }>(
    '/api/store/test/checkout/:checkoutId/pay',
    { schema: { tags, summary: 'Pay a checkout at the test store; the order follows by signed webhook', params: CheckoutParams, body: PaymentFormSchema } },
    async (request, reply) => {
      refuseCrossSite(deps, request);
      await payCheckout(deps, provider, signedIn(request).userId, request.params.checkoutId, request.body);
      return reply.redirect('/account/purchases', 303);
    },
  );
}
