import { z } from "zod";
import { parseDateOnly } from "@/lib/dates";

/*
 * Field builders for every form schema. Forms are parsed with conform (parseWithZod), which turns
 * an empty input into `undefined` before zod sees it, so "missing" is `iss.input === undefined`.
 * The same schema runs in the browser (conform's client validation and the input constraints
 * `required`/`maxLength` derived by getZodConstraint) and on the server.
 */

// PostgreSQL refuses NUL in text, and the other control characters have no place in a form value
// (they hide text or break exports). Multi-line fields keep tab, line feed and carriage return.
const CONTROL_SINGLE = /[\u0000-\u001f\u007f-\u009f]/;
const CONTROL_MULTI = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

export function hasControlCharacters(value: string, multiline = false): boolean {
  return (multiline ? CONTROL_MULTI : CONTROL_SINGLE).test(value);
}

type TextOptions = { multiline?: boolean; min?: number };

/** A required text: trimmed, 1..max characters (min when given), no control characters. */
export function requiredText(label: string, max: number, { multiline = false, min = 1 }: TextOptions = {}) {
  return z
    .string({ error: (iss) => (iss.input === undefined ? `${label} wajib diisi` : `${label} tidak valid`) })
    .trim()
    .min(min, { error: min > 1 ? `${label} minimal ${min} karakter` : `${label} wajib diisi` })
    .max(max, { error: `${label} maksimal ${max} karakter` })
    .refine((s) => !hasControlCharacters(s, multiline), { error: `${label} memuat karakter yang tidak diizinkan` });
}

/** The same, optional: an empty input is `undefined`. */
export function optionalText(label: string, max: number, options: TextOptions = {}) {
  return requiredText(label, max, options).optional();
}

/** One value of a TypeScript/Prisma enum object, chosen in a select or radio group. */
export function requiredChoice<T extends Record<string, string>>(values: T, label: string) {
  return z.enum(values, {
    error: (iss) => (iss.input === undefined ? `${label} wajib dipilih` : `${label} tidak dikenal`),
  });
}

export function optionalChoice<T extends Record<string, string>>(values: T, label: string) {
  return requiredChoice(values, label).optional();
}

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** <input type="date"> value (YYYY-MM-DD) → a date-only Date at UTC midnight, as stored. */
export function requiredDate(label: string) {
  return z
    .string({ error: (iss) => (iss.input === undefined ? `${label} wajib diisi` : `${label} tidak valid`) })
    .regex(DATE_PATTERN, { error: `${label} tidak valid (format TTTT-BB-HH)` })
    .refine((s) => parseDateOnly(s) !== null, { error: `${label} bukan tanggal yang ada` })
    .transform((s) => parseDateOnly(s) as Date);
}

export function optionalDate(label: string) {
  return requiredDate(label).optional();
}

/** A checkbox: conform gives true for "on", undefined when unticked. */
export const checkbox = z.boolean().optional().transform((v) => v === true);

/** "ya" / "tidak" radios → true / false; nothing chosen → null (an unanswered question). */
export function yesNo(label: string) {
  return z
    .enum(["ya", "tidak"], { error: `Pilih "Ya" atau "Tidak" untuk ${label}` })
    .optional()
    .transform((v) => (v === undefined ? null : v === "ya"));
}

/** A record id sent in a hidden field. */
export const recordId = z
  .string({ error: "Formulir tidak lengkap. Muat ulang halaman lalu coba lagi." })
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, { error: "Formulir tidak sah. Muat ulang halaman lalu coba lagi." });

/** The optimistic-lock version read with the page, sent in a hidden field. */
export const recordVersion = z
  .number({ error: "Formulir tidak lengkap. Muat ulang halaman lalu coba lagi." })
  .int()
  .min(0);
