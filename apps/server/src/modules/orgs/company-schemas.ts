import { Type } from '@fastify/type-provider-typebox';

const Language = Type.String({ pattern: '^[a-z]{2,3}(-[A-Z][a-z]{3})?(-[A-Z]{2})?$', maxLength: 16 });
const Domain = Type.String({ pattern: '^[A-Za-z0-9]([A-Za-z0-9-]{0,62}\\.)+[A-Za-z]{2,63}$', maxLength: 253 });
const Id = Type.String({ minLength: 1, maxLength: 64 });
const Role = Type.Union([Type.Literal('admin'), Type.Literal('license-manager'), Type.Literal('member')]);

export const NewCompany = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
    country: Type.String({ pattern: '^[A-Za-z]{2}$' }),
    language: Language,
    domain: Type.Optional(Domain),
  },
  { additionalProperties: false },
);

export const CompanyEdit = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' })),
    country: Type.Optional(Type.String({ pattern: '^[A-Za-z]{2}$' })),
    language: Type.Optional(Language),
    supportRequestsShared: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const CompanyOut = Type.Object({
  id: Type.String(),
  name: Type.String(),
  country: Type.Union([Type.String(), Type.Null()]),
  language: Type.Union([Type.String(), Type.Null()]),
  domain: Type.Union([Type.String(), Type.Null()]),
  supportRequestsShared: Type.Boolean(),
  blocked: Type.Boolean(),
  role: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
});

export const JoinableOut = Type.Object({ id: Type.String(), name: Type.String() });

export const MemberOut = Type.Object({
  id: Type.String(),
  userId: Type.String(),
  name: Type.String(),
  email: Type.String(),
  language: Type.Union([Type.String(), Type.Null()]),
  role: Type.String(),
  joinedAt: Type.String({ format: 'date-time' }),
});

export const MemberEdit = Type.Object(
  {
    name: Type.Optional(Type.String({ maxLength: 200 })),
    language: Type.Optional(Type.Union([Language, Type.Null()])),
    role: Type.Optional(Role),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const NewInvitation = Type.Object(
  {
    email: Type.String({ format: 'email', maxLength: 254 }),
    role: Type.Optional(Role),
  },
  { additionalProperties: false },
);

export const InvitationForInviteeOut = Type.Object({
  id: Type.String(),
  companyName: Type.String(),
  role: Type.String(),
  inviterName: Type.Union([Type.String(), Type.Null()]),
  expiresAt: Type.String({ format: 'date-time' }),
});
export const InvitationOut = Type.Object({ id: Type.String(), email: Type.String(), role: Type.String(), expiresAt: Type.String({ format: 'date-time' }) });

export const DomainIn = Type.Object({ domain: Type.Union([Domain, Type.Null()]) }, { additionalProperties: false });

export const NoticeOut = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  name: Type.String(),
  email: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
});

export const MemberParams = Type.Object({ memberId: Id });
export const InvitationParams = Type.Object({ invitationId: Id });
export const CompanyParams = Type.Object({ companyId: Id });
export const LicenseParams = Type.Object({ licenseId: Type.String({ format: 'uuid' }) });
