import { z } from "zod";
import { ROLES } from "@/lib/auth/roles";
import { recordId } from "./fields";
import { searchTextParam } from "./search-text";
import { passwordResetSchema, userCreateSchema, userEditSchema } from "./user";

/*
 * Additions for the administration forms that lib/validation/user.ts does not cover: the optional
 * e-mail address, the list filters read from the URL, and the shape of a form's action state.
 */

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

const email = z.preprocess(
  blankToUndefined,
  z
    .string({ error: "Alamat email tidak valid" })
    .trim()
    .toLowerCase()
    .max(254, { error: "Alamat email maksimal 254 karakter" })
    .pipe(z.email({ error: "Format alamat email tidak valid, contoh: nama@instansi.go.id" }))
    .optional(),
);

export const userCreateFormSchema = userCreateSchema.safeExtend({ email });
export const userEditFormSchema = userEditSchema.safeExtend({ email });
/** Editing: the fields plus the user's id (hidden field). */
export const userUpdateFormSchema = userEditSchema.safeExtend({ email, id: recordId });
/** The admin's password reset: the new password twice plus the user's id (hidden field). */
export const passwordResetFormSchema = passwordResetSchema.safeExtend({ id: recordId });

/** The password length rule alone (12–128 characters), for services that receive a raw string. */
export const newPasswordSchema = passwordResetSchema.shape.password;

export type UserCreateFormInput = z.output<typeof userCreateFormSchema>;
export type UserEditFormInput = z.output<typeof userEditFormSchema>;

// ── List filters (GET search params): anything unknown is ignored rather than an error ──────────

const firstValue = (v: unknown) => (Array.isArray(v) ? v[0] : v);
/** Control characters (NUL …) are removed so they never reach PostgreSQL (search-text.ts). */
const optionalText = (max: number) => searchTextParam(max);
const pageNumber = z.preprocess(
  firstValue,
  z.coerce.number().int().min(1).max(100_000).catch(1),
);

export const userListFilterSchema = z.object({
  q: optionalText(100),
  role: z.preprocess(firstValue, z.enum(ROLES).optional().catch(undefined)),
  opdId: optionalText(64),
  status: z.preprocess(firstValue, z.enum(["aktif", "nonaktif"]).optional().catch(undefined)),
  page: pageNumber,
});

export const opdListFilterSchema = z.object({ q: optionalText(100), page: pageNumber });

export type UserListFilter = z.output<typeof userListFilterSchema>;
export type OpdListFilter = z.output<typeof opdListFilterSchema>;
