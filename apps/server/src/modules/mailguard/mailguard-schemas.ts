import { type TSchema, Type } from '@fastify/type-provider-typebox';
import { CONNECTION_KINDS, CONNECTION_STATUSES, NOTICE_KINDS, THREAT_ACTIONS } from './schema.ts';

const Instant = Type.String({ format: 'date-time' });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const literals = <T extends readonly string[]>(values: T) => Type.Union(values.map((v) => Type.Literal(v)));
const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: '\\S' });

export const Kind = literals(CONNECTION_KINDS);
const Action = literals(THREAT_ACTIONS);
export const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const ProviderId = Type.String({ minLength: 1, maxLength: 40 });

export const AuthorizationIn = Type.Object({ licenseId: Type.String({ format: 'uuid' }), kind: Kind, provider: ProviderId }, { additionalProperties: false });
export const AuthorizationOut = Type.Object({ authorizationUrl: Type.String() });
export const CallbackQuery = Type.Object(
  {
    state: Type.String({ minLength: 1, maxLength: 200 }),
    code: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
    error: Type.Optional(Type.String({ maxLength: 200 })),
    error_description: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);

export const AutomaticSetupIn = Type.Object(
  {
    licenseId: Type.String({ format: 'uuid' }),
    provider: ProviderId,
    adminUser: Type.String({ minLength: 1, maxLength: 254 }),
    adminPassword: Type.String({ minLength: 1, maxLength: 256 }),
  },
  { additionalProperties: false },
);
export const AutomaticSetupOut = Type.Object({ connected: Type.Array(Type.String()) });

export const SettingsIn = Type.Object(
  { scanAttachments: Type.Boolean(), scanLinks: Type.Boolean(), action: Action, paused: Type.Boolean() },
  { additionalProperties: false },
);

export const ConnectionOut = Type.Object({
  id: Type.String(),
  kind: Kind,
  provider: Type.Object({ id: Type.String(), name: Type.String() }),
  address: Type.String(),
  status: literals(CONNECTION_STATUSES),
  scanAttachments: Type.Boolean(),
  scanLinks: Type.Boolean(),
  action: Action,
  connectedAt: Instant,
  lastScanAt: Nullable(Instant),
  last30Days: Type.Object({ scanned: Type.Integer(), threats: Type.Integer() }),
  recentThreats: Type.Array(Type.Object({ id: Type.String(), itemRef: Type.String(), verdict: Type.String(), actionTaken: Action, detectedAt: Instant })),
});

export const OverviewOut = Type.Object({
  providers: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), kinds: Type.Array(Kind), automaticSetup: Type.Boolean() })),
  licenses: Type.Array(
    Type.Object({
      license: Type.Object({
        id: Type.String(),
        productName: Type.String(),
        typeName: Type.String(),
        codeLastGroup: Type.String(),
        seats: Type.Integer(),
        status: literals(['active', 'expired', 'revoked'] as const),
        expiresAt: Nullable(Instant),
        company: Type.Boolean(),
      }),
      /** What the license protects: mailboxes, file stores or both. */
      kinds: Type.Array(Kind),
      connections: Type.Array(ConnectionOut),
    }),
  ),
});

const NoticeKind = literals(NOTICE_KINDS);
export const NoticeIn = Type.Object({ kind: NoticeKind, subject: Text(150), text: Text(5000) }, { additionalProperties: false });
export const NoticeOut = Type.Object({ id: Type.String(), recipients: Type.Integer() });
export const NoticeListOut = Type.Array(
  Type.Object({ id: Type.String(), kind: NoticeKind, subject: Type.String(), body: Type.String(), recipients: Type.Integer(), createdAt: Instant }),
);

export const DeliverIn = Type.Object(
  {
    text: Type.Optional(Type.String({ maxLength: 20_000 })),
    files: Type.Optional(
      Type.Array(Type.Object({ name: Text(200), contentBase64: Type.String({ maxLength: 40_000 }) }, { additionalProperties: false }), { maxItems: 5 }),
    ),
  },
  { additionalProperties: false },
);
