import { Type } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import type { Auth } from './auth.ts';
import { guard, signedIn } from './current-session.ts';
import { deleteAccount } from './delete-account.ts';
import { getPreferences, setPreferences } from './preferences.ts';
import { getProfile, updateProfile } from './profile.ts';

const Profile = Type.Object({
  id: Type.String(),
  email: Type.String(),
  emailVerified: Type.Boolean(),
  name: Type.String(),
  language: Type.Union([Type.String(), Type.Null()]),
  country: Type.Union([Type.String(), Type.Null()]),
  phoneNumber: Type.Union([Type.String(), Type.Null()]),
  phoneNumberVerified: Type.Boolean(),
  twoFactorEnabled: Type.Boolean(),
  role: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
});

const ProfileUpdate = Type.Object(
  {
    name: Type.Optional(Type.String({ maxLength: 200 })),
    language: Type.Optional(Type.Union([Type.String({ pattern: '^[a-z]{2,3}(-[A-Z][a-z]{3})?(-[A-Z]{2})?$', maxLength: 16 }), Type.Null()])),
    country: Type.Optional(Type.Union([Type.String({ pattern: '^[A-Za-z]{2}$' }), Type.Null()])),
  },
  { additionalProperties: false },
);

const Preferences = Type.Object({ news: Type.Boolean(), surveys: Type.Boolean() }, { additionalProperties: false });
const PreferencesOut = Type.Object({ news: Type.Boolean(), surveys: Type.Boolean(), noticeVersion: Type.String() });
const Deletion = Type.Object({ password: Type.String({ minLength: 1, maxLength: 128 }) }, { additionalProperties: false });

const tags = ['account'];

export async function accountRoutes(app: FastifyInstance, opts: { auth: Auth; deps: Deps }) {
  const { auth, deps } = opts;
  app.addHook('onRequest', guard(auth));

  app.get('/api/account', { schema: { tags, summary: 'The signed-in user’s account', response: { 200: Profile } } }, async (request) => {
    const user = signedIn(request);
    return getProfile(deps, user.userId);
  });

  app.patch<{ Body: { name?: string; language?: string | null; country?: string | null } }>(
    '/api/account',
    { schema: { tags, summary: 'Correct name, language or country (ACC-4)', body: ProfileUpdate, response: { 200: Profile } } },
    async (request) => {
      const user = signedIn(request);
      return updateProfile(deps, user.userId, request.body);
    },
  );

  app.get('/api/account/preferences', { schema: { tags, summary: 'Opt-ins for news and surveys', response: { 200: PreferencesOut } } }, async (request) => {
    const user = signedIn(request);
    return getPreferences(deps, user.userId);
  });

  app.put<{ Body: { news: boolean; surveys: boolean } }>(
    '/api/account/preferences',
    { schema: { tags, summary: 'Give or withdraw each opt-in (ACC-3)', body: Preferences, response: { 200: PreferencesOut } } },
    async (request) => {
      const user = signedIn(request);
      return setPreferences(deps, user.userId, request.body);
    },
  );

  app.post<{ Body: { password: string } }>(
    '/api/account/deletion',
    {
      schema: {
        tags,
        summary: 'Delete the account (ACC-5): needs a fresh sign-in and the password',
        body: Deletion,
        response: { 202: Type.Object({ purgeAfter: Type.String({ format: 'date-time' }) }) },
      },
    },
    async (request, reply) => {
      const user = signedIn(request);
      const { purgeAfter } = await deleteAccount(auth, deps, user, request.body.password);
      return reply.code(202).send({ purgeAfter: purgeAfter.toISOString() });
    },
  );
}
