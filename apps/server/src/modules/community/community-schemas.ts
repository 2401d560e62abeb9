import { type TSchema, Type } from '@fastify/type-provider-typebox';

const Instant = Type.String({ format: 'date-time' });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
/** Text a person must actually write: not empty, not only spaces. */
const Text = (minLength: number, maxLength: number) => Type.String({ minLength, maxLength, pattern: '\\S' });
const PersonName = Text(1, 80);

export const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
export const UserNameParams = Type.Object({ userName: Type.String({ minLength: 1, maxLength: 30 }) });
export const ListQuery = Type.Object({ cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })) }, { additionalProperties: false });

export const MemberIn = Type.Object(
  {
    userName: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]{2,29}$', description: '3–30 letters, digits, dots, dashes or underscores' }),
    firstName: PersonName,
    lastName: PersonName,
    showFullName: Type.Boolean(),
    notifyReplies: Type.Boolean(),
  },
  { additionalProperties: false },
);
export const MemberOut = Type.Intersect([MemberIn, Type.Object({ joinedAt: Instant })]);
export const LeftOut = Type.Object({ purgeBy: Instant });

const Author = Type.Object({ userName: Type.String(), fullName: Nullable(Type.String()) });
export const PublicMemberOut = Type.Object({ author: Author, joinedAt: Instant, posts: Type.Integer() });

export const PostIn = Type.Object({ title: Text(3, 150), body: Text(1, 10_000) }, { additionalProperties: false });
export const CommentIn = Type.Object({ body: Text(1, 5_000) }, { additionalProperties: false });

const itemFields = { id: Type.String(), author: Author, createdAt: Instant, updatedAt: Instant, mine: Type.Boolean() };
export const CommentOut = Type.Object({ ...itemFields, body: Type.String() });
export const PostOut = Type.Object({ ...itemFields, title: Type.String(), body: Type.String(), comments: Type.Array(CommentOut) });
export const PostPageOut = Type.Object({
  posts: Type.Array(Type.Object({ ...itemFields, title: Type.String(), excerpt: Type.String(), comments: Type.Integer() })),
  next: Nullable(Type.String()),
});
