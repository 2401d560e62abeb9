import { Type } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import { problems } from '../../platform/errors.ts';
import type { Auth } from '../accounts/auth.ts';
import { guard, signedIn } from '../accounts/current-session.ts';
import { deleteCard, listCards } from './payment-cards.ts';
import { purchaseHistory } from './purchase-history.ts';
import { receiveWebhook } from './receive-webhook.ts';
import { type CheckoutRequest, startCheckout } from './start-checkout.ts';
import { invalidWebhook, MAX_QUANTITY } from './store-event.ts';
import { storeOffers } from './store-offers.ts';
import { openStore, type Store } from './store-providers.ts';
import { testStoreRoutes } from './test-store/routes.ts';

const WEBHOOK_LIMIT = 64 * 1024;
const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

const Offer = Type.Object({
  id: Type.String(),
  productId: Type.String(),
  productName: Type.String(),
  name: Type.String(),
  kind: Type.String(),
  seats: Type.Integer(),
  termDays: Type.Union([Type.Integer(), Type.Null()]),
  priceCents: Type.Integer(),
  currency: Type.String(),
});

const CheckoutBody = Type.Object(
  {
    licenseTypeId: Type.String({ minLength: 1, maxLength: 100 }),
    renewsLicenseId: Type.Optional(Type.String({ format: 'uuid' })),
    saveCard: Type.Optional(Type.Boolean()),
    quantity: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_QUANTITY })),
  },
  { additionalProperties: false },
);

const Purchase = Type.Object({
  id: Type.String(),
  placedAt: Type.String({ format: 'date-time' }),
  status: Type.Union([Type.Literal('paid'), Type.Literal('refunded')]),
  totalCents: Type.Integer(),
  currency: Type.String(),
  items: Type.Array(Type.Object({ licenseTypeId: Type.String(), name: Type.String(), quantity: Type.Integer(), renewsLicenseId: Nullable(Type.String()) })),
  licenses: Type.Array(Type.Object({ id: Type.String(), codeLastGroup: Type.String() })),
});

const Card = Type.Object({ id: Type.String(), last4: Type.String(), expMonth: Type.Integer(), expYear: Type.Integer(), provider: Type.String() });
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

async function accountPurchaseRoutes(app: FastifyInstance, opts: { auth: Auth; deps: Deps; store: Store }) {
  const { auth, deps, store } = opts;
  app.addHook('onRequest', guard(auth));

  app.get('/api/store/offers', { schema: { tags: ['store'], summary: 'What the web store sells', response: { 200: Type.Array(Offer) } } }, async () =>
    storeOffers(deps),
  );

  app.post<{ Body: CheckoutRequest }>(
    '/api/account/purchases/checkout',
    {
      schema: {
        tags: ['purchases'],
        summary: 'Start a purchase or a renewal: the user confirms the payment at the store (ACC-7)',
        body: CheckoutBody,
        response: { 201: Type.Object({ checkoutId: Type.String(), checkoutUrl: Type.String() }) },
      },
    },
    async (request, reply) => reply.code(201).send(await startCheckout(deps, store, signedIn(request).userId, request.body)),
  );

  app.get(
    '/api/account/purchases',
    { schema: { tags: ['purchases'], summary: 'Purchase history (ACC-6)', response: { 200: Type.Array(Purchase) } } },
    async (request) => purchaseHistory(deps, signedIn(request).userId),
  );

  app.get(
    '/api/account/cards',
    { schema: { tags: ['purchases'], summary: 'Linked cards: only expiry, last four digits and provider (ACC-7)', response: { 200: Type.Array(Card) } } },
    async (request) => listCards(deps, signedIn(request).userId),
  );

  app.delete<{ Params: { id: string } }>(
    '/api/account/cards/:id',
    { schema: { tags: ['purchases'], summary: 'Unlink a card here and at the provider', params: IdParams } },
    async (request, reply) => {
      await deleteCard(deps, store, signedIn(request).userId, request.params.id);
      return reply.code(204).send();
    },
  );
}

/** Public, and signed instead: the HMAC covers the exact bytes sent, so only this route keeps the body as text. */
async function webhookRoutes(app: FastifyInstance, opts: { deps: Deps; store: Store }) {
  const { deps, store } = opts;
  app.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: WEBHOOK_LIMIT }, (_request, body, done) => done(null, body));

  app.post<{ Params: { provider: string } }>(
    '/api/store/webhooks/:provider',
    {
      schema: {
        tags: ['store'],
        summary: 'Orders and refunds from the store provider, signed with HMAC; a replay or retry changes nothing',
        params: Type.Object({ provider: Type.String({ pattern: '^[a-z0-9-]{1,40}$' }) }),
        response: { 200: Type.Object({ received: Type.Boolean(), duplicate: Type.Boolean() }) },
      },
    },
    async (request) => {
      const provider = store.byId(request.params.provider);
      if (!provider) throw problems.notFound('store provider');
      if (typeof request.body !== 'string') throw invalidWebhook('The body must be JSON');
      const outcome = await receiveWebhook(deps, provider, request.body, request.headers);
      return { received: true, duplicate: outcome.duplicate };
    },
  );
}

export async function purchaseRoutes(app: FastifyInstance, opts: { auth: Auth; deps: Deps }) {
  const { auth, deps } = opts;
  const store = openStore(deps);
  await app.register(accountPurchaseRoutes, { auth, deps, store });
  await app.register(webhookRoutes, { deps, store });
  if (store.testStore) await app.register(testStoreRoutes, { auth, deps, provider: store.testStore });
}
