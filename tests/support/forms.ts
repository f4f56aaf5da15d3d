import { parseWithZod } from "@conform-to/zod/v4";
import type { z } from "zod";

/** Parses `fields` exactly as a form action does: a FormData through conform's parseWithZod. */
export function submitForm<S extends z.ZodType<Record<string, unknown>>>(schema: S, fields: Record<string, string | undefined>) {
  const formData = new FormData();
  for (const [name, value] of Object.entries(fields)) if (value !== undefined) formData.append(name, value);
  const submission = parseWithZod(formData, { schema });
  const errors: Record<string, string[]> = submission.status === "error" ? (submission.error as Record<string, string[]>) ?? {} : {};
  return {
    ok: submission.status === "success",
    value: submission.status === "success" ? (submission.value as z.output<S>) : undefined,
    errors,
    /** The first message of each field. */
    first: Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, v?.[0]])),
  };
}
