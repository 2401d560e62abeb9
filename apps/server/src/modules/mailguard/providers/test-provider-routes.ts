import { Type } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../../platform/deps.ts';
import { problems } from '../../../platform/errors.ts';
import { CALLBACK_PATH } from '../authorize-connection.ts';
import { DeliverIn } from '../mailguard-schemas.ts';
import { type ConsentRequest, consentPage } from './consent-page.ts';
import type { TestMailProvider } from './test-mail-provider.ts';

const FORM_LIMIT = 4 * 1024;
const tags = ['mail-protection'];

const ConsentQuery = Type.Object({
  response_type: Type.Literal('code'),
  client_id: Type.String({ maxLength: 100 }),
  state: Type.String({ minLength: 1, maxLength: 200 }),
  code_challenge: Type.String({ minLength: 43, maxLength: 128 }),
  code_challenge_method: Type.Literal('S256'),
  redirect_uri: Type.String({ maxLength: 500 }),
  scope: Type.String({ minLength: 1, maxLength: 200 }),
});
const ConsentForm = Type.Object(
  {
    state: Type.String({ minLength: 1, maxLength: 200 }),
    codeChallenge: Type.String({ minLength: 43, maxLength: 128 }),
    redirectUri: Type.String({ maxLength: 500 }),
    scope: Type.String({ minLength: 1, maxLength: 200 }),
    // Empty when the person denies without naming a mailbox.
    address: Type.Optional(Type.Union([Type.Literal(''), Type.String({ format: 'email', maxLength: 254 })])),
    decision: Type.Union([Type.Literal('allow'), Type.Literal('deny')]),
  },
  { additionalProperties: false },
);
const AddressParams = Type.Object({ address: Type.String({ format: 'email', maxLength: 254 }) });

/**
 * The built-in test provider's own pages: its consent page, and a way to deliver a message or file into one of its
 * mailboxes, as mail would arrive at a real provider. Registered only where the test provider runs.
 */
export async function testProviderRoutes(app: FastifyInstance, opts: { deps: Deps; provider: TestMailProvider }) {
  const { deps, provider } = opts;
  const callback = `${deps.config.baseUrl}${CALLBACK_PATH}`;
  // A real provider sends the browser back only to the redirect address registered for the client.
  const refuseForeignRedirect = (uri: string) => {
    if (uri !== callback) throw problems.invalidField('redirect_uri', 'is not the address registered for this client');
  };
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: FORM_LIMIT }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });

  app.get<{ Querystring: Record<string, string> }>(
    '/api/mail-protection/test-provider/authorize',
    { schema: { tags, summary: 'The test provider’s consent page (OAuth 2.0 authorization endpoint)', querystring: ConsentQuery } },
    async (request, reply) => {
      const query = request.query;
      refuseForeignRedirect(query.redirect_uri);
      const consent: ConsentRequest = { state: query.state, codeChallenge: query.code_challenge, redirectUri: query.redirect_uri, scope: query.scope };
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(consentPage(consent));
    },
  );

  app.post<{ Body: ConsentRequest & { address?: string; decision: 'allow' | 'deny' } }>(
    '/api/mail-protection/test-provider/authorize',
    { schema: { tags, summary: 'Allow or deny on the test provider’s consent page', body: ConsentForm } },
    async (request, reply) => {
      const form = request.body;
      refuseForeignRedirect(form.redirectUri);
      const back = new URL(form.redirectUri);
      back.searchParams.set('state', form.state);
      if (form.decision === 'deny') back.searchParams.set('error', 'access_denied');
      else if (!form.address) throw problems.invalidField('address', 'names the mailbox or file store to allow');
      else back.searchParams.set('code', provider.consent({ ...form, address: form.address }));
      return reply.redirect(back.toString(), 303);
    },
  );

  app.post<{ Params: { address: string }; Body: { text?: string; files?: Array<{ name: string; contentBase64: string }> } }>(
    '/api/mail-protection/test-provider/mailboxes/:address/items',
    {
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Deliver a message or file into a test provider mailbox',
        params: AddressParams,
        body: DeliverIn,
        response: { 201: Type.Object({ id: Type.String() }) },
      },
    },
    async (request, reply) => {
      const files = (request.body.files ?? []).map((file) => ({ name: file.name, content: Buffer.from(file.contentBase64, 'base64') }));
      return reply.code(201).send({ id: provider.deliver(request.params.address, { text: request.body.text, files }) });
    },
  );
}
