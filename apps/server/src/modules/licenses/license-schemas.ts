import { Type } from '@fastify/type-provider-typebox';
import { LICENSE_KINDS } from './schema.ts';
import { INVALID_REASONS, type InvalidReason } from './validate-license.ts';

const Instant = Type.String({ format: 'date-time' });

export const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
export const BindingParams = Type.Object({ id: Type.String({ format: 'uuid' }), activationId: Type.String({ format: 'uuid' }) });

/** Long enough for a code typed with spaces, short enough that nothing large reaches the parser. */
export const CodeField = Type.String({ minLength: 1, maxLength: 64 });
export const FingerprintField = Type.String({ minLength: 1, maxLength: 256 });

export const ActivationOut = Type.Object({
  id: Type.String(),
  deviceId: Type.Union([Type.String(), Type.Null()]),
  deviceName: Type.Union([Type.String(), Type.Null()]),
  activatedAt: Instant,
  lastValidatedAt: Type.Union([Instant, Type.Null()]),
});

export const LicenseOut = Type.Object({
  id: Type.String(),
  product: Type.Object({ id: Type.String(), name: Type.String() }),
  type: Type.Object({
    id: Type.String(),
    name: Type.String(),
    kind: Type.Union(LICENSE_KINDS.map((k) => Type.Literal(k))),
    seats: Type.Integer(),
    termDays: Type.Union([Type.Integer(), Type.Null()]),
  }),
  codeLastGroup: Type.String(),
  status: Type.Union([Type.Literal('active'), Type.Literal('expired'), Type.Literal('revoked')]),
  startsAt: Type.Union([Instant, Type.Null()]),
  expiresAt: Type.Union([Instant, Type.Null()]),
  autoRenew: Type.Boolean(),
  seatsUsed: Type.Integer(),
  activations: Type.Array(ActivationOut),
});

export const AddLicense = Type.Object({ code: CodeField }, { additionalProperties: false });
export const Bind = Type.Object({ deviceId: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
export const BindingOut = Type.Object({ id: Type.String(), deviceId: Type.String(), deviceName: Type.String(), activatedAt: Instant });
export const AutoRenew = Type.Object({ autoRenew: Type.Boolean() }, { additionalProperties: false });
export const Reminders = Type.Object({ reminders: Type.Boolean() }, { additionalProperties: false });
export const RemindersOut = Type.Object({ reminders: Type.Boolean(), noticeVersion: Type.String() });

export const PublicJwk = Type.Object({
  kty: Type.Literal('OKP'),
  crv: Type.Literal('Ed25519'),
  x: Type.String(),
  kid: Type.String(),
  alg: Type.Literal('EdDSA'),
  use: Type.Literal('sig'),
});

export const Activate = Type.Object(
  {
    code: Type.Optional(CodeField),
    licenseId: Type.Optional(Type.String({ format: 'uuid' })),
    fingerprint: FingerprintField,
    deviceName: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  },
  { additionalProperties: false },
);
export const ActivatedOut = Type.Object({ activationId: Type.String(), licenseId: Type.String(), token: Type.String(), tokenExpiresAt: Instant });

export const Validate = Type.Object(
  { code: Type.Optional(CodeField), token: Type.Optional(Type.String({ minLength: 1, maxLength: 4096 })), fingerprint: FingerprintField },
  { additionalProperties: false },
);
// Plain types rather than unions, so the hot path's answer is serialised without trying each branch.
export const ValidationOut = Type.Object({
  valid: Type.Boolean(),
  licenseId: Type.Optional(Type.String()),
  expiresAt: Type.Optional(Type.Unsafe<string | null>({ type: ['string', 'null'], format: 'date-time' })),
  entitlements: Type.Optional(Type.Array(Type.String())),
  reason: Type.Optional(Type.Unsafe<InvalidReason>({ type: 'string', enum: [...INVALID_REASONS] })),
});
