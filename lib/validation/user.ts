import { z } from "zod";
import { isOpdRole, isRole, ROLES, ROLE_LABELS } from "@/lib/auth/roles";
import { parseNip } from "@/lib/format";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./password-hint";

/*
 * Schemas for user and OPD administration forms. They take what a <form> posts
 * (Object.fromEntries(formData)): every value is a string, a blank optional field is "" and an
 * unticked checkbox is absent. Messages are Indonesian and are shown next to the field.
 */

/** "" or whitespace → undefined, so blank optional fields are simply absent. */
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** Checkbox semantics: "on"/"true"/"1"/true → true; absent or anything else → false. */
export const checkbox = z.preprocess(
  (v) => v === true || v === "on" || v === "true" || v === "1",
  z.boolean(),
);

const requiredText = (label: string, max: number) =>
  z.preprocess(
    blankToUndefined,
    z
      .string({ error: (iss) => (iss.input === undefined ? `${label} wajib diisi` : `${label} tidak valid`) })
      .trim()
      .max(max, { error: `${label} maksimal ${max} karakter` }),
  );

const username = z.preprocess(
  blankToUndefined,
  z
    .string({ error: (iss) => (iss.input === undefined ? "Nama pengguna wajib diisi" : "Nama pengguna tidak valid") })
    .trim()
    .toLowerCase()
    .min(3, { error: "Nama pengguna minimal 3 karakter" })
    .max(32, { error: "Nama pengguna maksimal 32 karakter" })
    .regex(/^[a-z0-9._-]+$/, {
      error: "Nama pengguna hanya boleh berisi huruf kecil, angka, titik (.), garis bawah (_), atau tanda hubung (-)",
    }),
);

const nip = z.preprocess(
  blankToUndefined,
  z
    .string({ error: "NIP tidak valid" })
    .transform((s) => s.replace(/\s+/g, ""))
    .superRefine((s, ctx) => {
      const parsed = parseNip(s);
      if (!parsed.ok) ctx.addIssue({ code: "custom", message: parsed.error });
    })
    .optional(),
);

const role = z.enum(ROLES, {
  error: (iss) => (iss.input === undefined || iss.input === "" ? "Peran wajib dipilih" : "Peran tidak dikenal"),
});

const opdId = z.preprocess(
  blankToUndefined,
  z.string({ error: "OPD tidak valid" }).trim().max(64, { error: "OPD tidak valid" }).optional(),
);

// Passwords are never trimmed: spaces are legitimate characters of a passphrase. Length only, no
// composition rules (OWASP ASVS 5.0 V6.2). The common-password and username checks run on the
// server only (lib/auth/password-policy.ts): the list must not be shipped to the browser.

const password = z.preprocess(
  blankToUndefined,
  z
    .string({ error: (iss) => (iss.input === undefined ? "Kata sandi wajib diisi" : "Kata sandi tidak valid") })
    .min(PASSWORD_MIN_LENGTH, { error: "Kata sandi minimal 12 karakter" })
    .max(PASSWORD_MAX_LENGTH, { error: "Kata sandi maksimal 128 karakter" }),
);

const confirmPassword = z.preprocess(blankToUndefined, z.string({ error: "Ulangi kata sandi untuk konfirmasi" }));

type Ctx = z.RefinementCtx;

/** An OPD role must name its OPD; any other role must not (it would silently scope nothing). */
function checkOpd(v: { role?: unknown; opdId?: unknown }, ctx: Ctx) {
  if (isOpdRole(v.role) && v.opdId === undefined) {
    ctx.addIssue({ code: "custom", path: ["opdId"], message: `OPD wajib dipilih untuk peran ${ROLE_LABELS[v.role]}` });
  }
  if (isRole(v.role) && !isOpdRole(v.role) && v.opdId !== undefined) {
    ctx.addIssue({
      code: "custom",
      path: ["opdId"],
      message: `Peran ${ROLE_LABELS[v.role]} tidak terikat pada OPD; kosongkan pilihan OPD`,
    });
  }
}

function checkConfirmation(v: { password?: unknown; confirmPassword?: unknown }, ctx: Ctx) {
  if (typeof v.confirmPassword === "string" && v.confirmPassword !== v.password) {
    ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "Konfirmasi kata sandi tidak sama" });
  }
}

const userFields = {
  username,
  fullName: requiredText("Nama lengkap", 120),
  nip,
  role,
  opdId,
};

export const userCreateSchema = z
  .object({ ...userFields, password, confirmPassword })
  .superRefine(checkOpd)
  .superRefine(checkConfirmation);

export const userEditSchema = z.object({ ...userFields, active: checkbox }).superRefine(checkOpd);

export const passwordResetSchema = z
  .object({ password, confirmPassword })
  .superRefine(checkConfirmation);

export type UserCreateInput = z.output<typeof userCreateSchema>;
export type UserEditInput = z.output<typeof userEditSchema>;
export type PasswordResetInput = z.output<typeof passwordResetSchema>;
