import "server-only";
import { DomainError } from "@/lib/errors";

/*
 * Small helpers shared by the user and OPD services: the audit row, the field diff it records,
 * and the translation of a unique-index violation that slipped past the pre-check (two admins
 * saving the same username at the same instant) into the same field message.
 */

type Scalar = string | number | boolean | null;
export type Change = { from: Scalar; to: Scalar };

function toScalar(value: unknown): Scalar {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  return String(value);
}

/** Fields of `next` whose value differs from `current`, as JSON-ready {from, to} pairs. */
export function changedFields<T extends Record<string, unknown>>(
  current: T,
  next: Partial<T>,
): Record<string, Change> {
  const out: Record<string, Change> = {};
  for (const key of Object.keys(next) as (keyof T & string)[]) {
    const from = toScalar(current[key]);
    const to = toScalar(next[key]);
    if (from !== to) out[key] = { from, to };
  }
  return out;
}

export { writeAudit } from "@/lib/audit";

/** The column names of a Prisma P2002 (unique violation) error, or null for any other error. */
export function uniqueViolationFields(error: unknown): string[] | null {
  if (typeof error !== "object" || error === null || (error as { code?: unknown }).code !== "P2002") return null;
  const meta = (error as { meta?: Record<string, unknown> }).meta ?? {};
  const fields: string[] = [];
  const target = meta.target;
  if (Array.isArray(target)) fields.push(...target.map(String));
  else if (typeof target === "string") fields.push(target);
  // Driver adapters (Prisma 7 + adapter-pg) report the constraint under driverAdapterError.cause.
  const cause = (meta.driverAdapterError as { cause?: { constraint?: { fields?: unknown; index?: unknown } } })?.cause;
  const constraint = cause?.constraint;
  if (Array.isArray(constraint?.fields)) fields.push(...constraint.fields.map(String));
  if (typeof constraint?.index === "string") fields.push(constraint.index);
  return fields.map((f) => f.replace(/"/g, ""));
}

export type UniqueRule = { column: string; field: string; message: string };

/**
 * Runs `work`; a unique violation on a rule's column becomes a VALIDATION error with the rule's
 * message on the rule's form field. Columns are matched against the reported fields or index name.
 */
export async function withUniqueMessages<T>(rules: readonly UniqueRule[], work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const fields = uniqueViolationFields(error);
    if (!fields) throw error;
    const fieldErrors: Record<string, string> = {};
    for (const { column, field, message } of rules) {
      if (fields.some((f) => f === column || f.includes(`_${column}_`))) fieldErrors[field] = message;
    }
    if (Object.keys(fieldErrors).length === 0) throw error;
    throw new DomainError("VALIDATION", Object.values(fieldErrors)[0], fieldErrors);
  }
}
