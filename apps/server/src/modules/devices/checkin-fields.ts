import { Type } from '@fastify/type-provider-typebox';

/** One field a managed device sends, as published (WS-2); nested fields are named with dots. */
export interface CheckinField {
  name: string;
  type: string;
  required: boolean;
  description: string | null;
  allowed: string[] | null;
  limits: Record<string, number | string>;
}

export const CheckinFieldOut = Type.Object({
  name: Type.String(),
  type: Type.String(),
  required: Type.Boolean(),
  description: Type.Union([Type.String(), Type.Null()]),
  allowed: Type.Union([Type.Array(Type.String()), Type.Null()]),
  limits: Type.Record(Type.String(), Type.Union([Type.Number(), Type.String()])),
});

interface JsonSchema {
  type?: string;
  description?: string;
  const?: unknown;
  anyOf?: JsonSchema[];
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  [keyword: string]: unknown;
}

const LIMIT_KEYWORDS = ['minLength', 'maxLength', 'pattern', 'minimum', 'maximum', 'minItems', 'maxItems'] as const;

function typeOf(schema: JsonSchema): string {
  if (schema.anyOf) return [...new Set(schema.anyOf.map(typeOf))].join(' | ');
  if (schema.type === 'array' && schema.items) return `array of ${typeOf(schema.items)}`;
  return schema.type ?? 'any';
}

function limitsOf(schema: JsonSchema): Record<string, number | string> {
  const limits: Record<string, number | string> = {};
  for (const keyword of LIMIT_KEYWORDS) {
    const value = schema[keyword];
    if (typeof value === 'number' || typeof value === 'string') limits[keyword] = value;
  }
  return limits;
}

/**
 * The published list of what a managed device sends (WS-2), walked from the schema the check-in
 * endpoint validates against, so the list cannot drift from what is accepted.
 */
export function checkinFields(root: object, prefix = ''): CheckinField[] {
  const schema = root as JsonSchema;
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).flatMap(([key, property]) => {
    const name = `${prefix}${key}`;
    const allowed = property.anyOf?.every((s) => s.const !== undefined) ? property.anyOf.map((s) => String(s.const)) : null;
    const field: CheckinField = {
      name,
      type: typeOf(property),
      required: required.has(key),
      description: property.description ?? null,
      allowed,
      limits: limitsOf(property),
    };
    const nested = property.items?.properties ? checkinFields(property.items, `${name}[].`) : property.properties ? checkinFields(property, `${name}.`) : [];
    return [field, ...nested];
  });
}
