import { Type } from '@fastify/type-provider-typebox';
import { COMMAND_KINDS, COMMAND_STATUSES, PROTECTION_STATUSES } from './schema.ts';

const When = Type.Union([Type.String({ format: 'date-time' }), Type.Null()]);
const oneOf = (values: readonly string[]) => Type.Union(values.map((v) => Type.Literal(v)));
const Payload = Type.Object({}, { additionalProperties: true });

export const CommandOut = Type.Object({
  id: Type.String(),
  kind: oneOf(COMMAND_KINDS),
  status: oneOf(COMMAND_STATUSES),
  payload: Payload,
  result: Type.Union([Type.String(), Payload, Type.Null()]),
  requestedAt: Type.String({ format: 'date-time' }),
  deliveredAt: When,
  acknowledgedAt: When,
});

export const ProblemOut = Type.Object({
  id: Type.String(),
  code: Type.String(),
  detail: Type.Union([Type.String(), Type.Null()]),
  fixable: Type.Boolean(),
  openedAt: Type.String({ format: 'date-time' }),
});

export const DeviceOut = Type.Object({
  id: Type.String(),
  name: Type.String(),
  platform: Type.String(),
  productVersion: Type.Union([Type.String(), Type.Null()]),
  protectionStatus: oneOf(PROTECTION_STATUSES),
  lastCheckinAt: When,
  enrolledAt: Type.String({ format: 'date-time' }),
  /** Set once the owner signed the device out: its token is dead until it is linked again with a code. */
  signedOutAt: When,
  problems: Type.Array(ProblemOut),
  pendingCommands: Type.Array(CommandOut),
});

/** What an owner or a workspace operator sends to a device (DEV-2, DEV-3, WS-1). */
export const CommandIn = Type.Object(
  {
    kind: Type.Union(COMMAND_KINDS.map((k) => Type.Literal(k))),
    confirm: Type.Boolean(),
    message: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    problemId: Type.Optional(Type.String({ format: 'uuid' })),
  },
  { additionalProperties: false },
);

export const DeviceDetailOut = Type.Object({ ...DeviceOut.properties, commands: Type.Array(CommandOut) });

/** What the device receives at check-in: what to do, nothing about who asked or when. */
export const DeliveredCommandOut = Type.Object({ id: Type.String(), kind: oneOf(COMMAND_KINDS), payload: Payload });

export interface CommandView {
  id: string;
  kind: string;
  status: string;
  payload: Record<string, unknown>;
  result: string | Record<string, unknown> | null;
  requestedAt: string;
  deliveredAt: string | null;
  acknowledgedAt: string | null;
}

/** A result the device sent as named values is stored as JSON text and shown as it was sent. */
function resultView(stored: string | null): string | Record<string, unknown> | null {
  if (stored === null || !stored.startsWith('{')) return stored;
  try {
    return JSON.parse(stored) as Record<string, unknown>;
  } catch {
    return stored;
  }
}

export interface ProblemView {
  id: string;
  code: string;
  detail: string | null;
  fixable: boolean;
  openedAt: string;
}

export interface DeviceView {
  id: string;
  name: string;
  platform: string;
  productVersion: string | null;
  protectionStatus: string;
  lastCheckinAt: string | null;
  enrolledAt: string;
  signedOutAt: string | null;
  problems: ProblemView[];
  pendingCommands: CommandView[];
}

/** Timestamps arrive as Date from columns and as text from json_agg; both leave as ISO strings. */
export const iso = (value: Date | string) => new Date(value).toISOString();
export const isoOrNull = (value: Date | string | null) => (value === null ? null : iso(value));

export function commandView(row: {
  id: string;
  kind: string;
  status: string;
  payload: Record<string, unknown>;
  result: string | null;
  requestedAt: Date | string;
  deliveredAt: Date | string | null;
  acknowledgedAt: Date | string | null;
}): CommandView {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    payload: row.payload,
    result: resultView(row.result),
    requestedAt: iso(row.requestedAt),
    deliveredAt: isoOrNull(row.deliveredAt),
    acknowledgedAt: isoOrNull(row.acknowledgedAt),
  };
}
