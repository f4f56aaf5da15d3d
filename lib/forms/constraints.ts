import { z } from "zod";

/*
 * The HTML constraints of a form's controls (required, minLength, maxLength, min, max, pattern),
 * derived from its zod schema through zod's own JSON Schema export (input side, before
 * transforms). Why not conform's getZodConstraint: it reads `schema._zod.bag`, which zod 4.6 no
 * longer fills for length checks, so every maxLength would silently disappear.
 */

export type Constraint = {
  required?: boolean;
  minLength?: number;
  maxLength?: number;
  min?: number;
  max?: number;
  pattern?: string;
};

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  allOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  pattern?: string;
};

function leaf(schema: JsonSchema, required: boolean): Constraint {
  const c: Constraint = { required };
  if (schema.minLength !== undefined) c.minLength = schema.minLength;
  if (schema.maxLength !== undefined) c.maxLength = schema.maxLength;
  if (schema.minimum !== undefined) c.min = schema.minimum;
  if (schema.maximum !== undefined) c.max = schema.maximum;
  if (schema.pattern !== undefined) c.pattern = schema.pattern;
  return c;
}

function walk(schema: JsonSchema, prefix: string, parentRequired: boolean, out: Record<string, Constraint>) {
  for (const part of schema.allOf ?? []) walk(part, prefix, parentRequired, out);
  if (!schema.properties) return;
  const required = new Set(schema.required ?? []);
  for (const [key, child] of Object.entries(schema.properties)) {
    const name = prefix ? `${prefix}.${key}` : key;
    const isRequired = parentRequired && required.has(key);
    const isObject = Boolean(child.properties) || Boolean(child.allOf?.some((p) => p.properties));
    if (isObject) walk(child, name, isRequired, out);
    else out[name] = { ...out[name], ...leaf(child, isRequired || Boolean(out[name]?.required)) };
  }
}

export function formConstraints(schema: z.ZodType): Record<string, Constraint> {
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
  const out: Record<string, Constraint> = {};
  walk(json, "", true, out);
  return out;
}
