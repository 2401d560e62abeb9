import { type TSchema, Type } from '@fastify/type-provider-typebox';
import { RULE_LICENSE_KINDS } from './route-request.ts';
import { AUTHOR_KINDS, SUPPORT_REQUEST_STATUSES } from './schema.ts';

const Instant = Type.String({ format: 'date-time' });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
/** Text a person must actually write: not empty, not only spaces. */
const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: '\\S' });

/** Account ids as the identity library makes them: letters and digits. */
const UserId = Type.String({ pattern: '^[A-Za-z0-9]{8,64}$' });

export const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
export const Status = Type.Union(SUPPORT_REQUEST_STATUSES.map((s) => Type.Literal(s)));

export const NewRequestIn = Type.Object(
  {
    subject: Text(200),
    productId: Type.String({ minLength: 1, maxLength: 64 }),
    licenseId: Type.Optional(Type.String({ format: 'uuid' })),
    licenseNumber: Type.Optional(Type.String({ maxLength: 64 })),
    hardware: Text(2000),
    software: Text(2000),
    description: Text(10000),
    contactEmail: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
  },
  { additionalProperties: false },
);

export const MessageIn = Type.Object({ body: Text(10000) }, { additionalProperties: false });
export const StaffMessageIn = Type.Object({ body: Text(10000), internal: Type.Boolean() }, { additionalProperties: false });

export const OptionsOut = Type.Object({
  products: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
  licenses: Type.Array(Type.Object({ id: Type.String(), label: Type.String(), productId: Type.String() })),
  email: Type.String(),
});

export const RequestListItem = Type.Object({
  id: Type.String(),
  number: Type.Integer(),
  subject: Type.String(),
  status: Status,
  createdAt: Instant,
  updatedAt: Instant,
  /** False for a colleague's request the company lets the caller see (SUP-4). */
  mine: Type.Boolean(),
});

export const MessageOut = Type.Object({
  id: Type.String(),
  authorKind: Type.Union(AUTHOR_KINDS.map((k) => Type.Literal(k))),
  body: Type.String(),
  createdAt: Instant,
});
export const StaffMessageOut = Type.Intersect([MessageOut, Type.Object({ internal: Type.Boolean() })]);

const requestFields = {
  id: Type.String(),
  number: Type.Integer(),
  subject: Type.String(),
  productId: Type.String(),
  productName: Type.String(),
  license: Nullable(Type.Object({ id: Type.String(), label: Type.String() })),
  licenseNumber: Nullable(Type.String()),
  hardware: Type.String(),
  software: Type.String(),
  description: Type.String(),
  contactEmail: Type.String(),
  status: Status,
  createdAt: Instant,
  updatedAt: Instant,
  closedAt: Nullable(Instant),
};

export const RequestOut = Type.Object({
  ...requestFields,
  department: Type.Object({ code: Type.String(), name: Type.String() }),
  messages: Type.Array(MessageOut),
  mine: Type.Optional(Type.Boolean()),
});

const DepartmentRef = Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() });
const Person = Type.Object({ id: Type.String(), email: Type.String() });

export const StaffRequestOut = Type.Object({
  ...requestFields,
  department: DepartmentRef,
  userId: Type.String(),
  country: Nullable(Type.String()),
  language: Nullable(Type.String()),
  assignee: Nullable(Person),
  messages: Type.Array(StaffMessageOut),
});

export const ReasonQuery = Type.Object({ reason: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })) }, { additionalProperties: false });

export const QueueQuery = Type.Object(
  {
    status: Type.Optional(Status),
    assigned: Type.Optional(Type.Union([Type.Literal('me'), Type.Literal('none'), Type.Literal('any')])),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
    reason: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  },
  { additionalProperties: false },
);

export const QueueItem = Type.Object({
  id: Type.String(),
  number: Type.Integer(),
  subject: Type.String(),
  status: Status,
  department: DepartmentRef,
  assignee: Nullable(Person),
  createdAt: Instant,
  updatedAt: Instant,
});

export const StaffUpdateIn = Type.Object({ status: Type.Optional(Status), assigneeId: Type.Optional(Nullable(UserId)) }, { additionalProperties: false });

export const AgentOut = Type.Object({ id: Type.String(), email: Type.String(), departments: Type.Array(Type.String()) });

export const DepartmentOut = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  isDefault: Type.Boolean(),
  agents: Type.Array(Person),
});
export const DepartmentIn = Type.Object({ code: Type.String({ pattern: '^[a-z][a-z0-9-]{1,31}$' }), name: Text(100) }, { additionalProperties: false });
export const AgentsIn = Type.Object({ agentIds: Type.Array(UserId, { maxItems: 200 }) }, { additionalProperties: false });

const ruleConditions = {
  licenseKind: Nullable(Type.Union(RULE_LICENSE_KINDS.map((k) => Type.Literal(k)))),
  productId: Nullable(Type.String({ minLength: 1, maxLength: 64 })),
  country: Nullable(Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2, upper case' })),
  language: Nullable(Type.String({ pattern: '^[a-z]{2,3}$', description: 'BCP 47 primary language subtag, like de' })),
};

export const RuleIn = Type.Object(
  {
    departmentId: Type.String({ format: 'uuid' }),
    licenseKind: Type.Optional(ruleConditions.licenseKind),
    productId: Type.Optional(ruleConditions.productId),
    country: Type.Optional(ruleConditions.country),
    language: Type.Optional(ruleConditions.language),
  },
  { additionalProperties: false },
);
export const RulesIn = Type.Object({ rules: Type.Array(RuleIn, { maxItems: 100 }) }, { additionalProperties: false });
export const RuleOut = Type.Object({ id: Type.String(), position: Type.Integer(), departmentId: Type.String(), ...ruleConditions });

export const CannedReplyIn = Type.Object(
  { title: Text(100), body: Text(10000), departmentId: Nullable(Type.String({ format: 'uuid' })) },
  { additionalProperties: false },
);
export const CannedReplyOut = Type.Object({ id: Type.String(), title: Type.String(), body: Type.String(), department: Nullable(DepartmentRef) });
