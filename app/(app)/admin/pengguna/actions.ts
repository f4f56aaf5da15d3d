"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requirePermission } from "@/lib/auth/session";
import { isDomainError } from "@/lib/errors";
import { z } from "zod";
import { formAction } from "@/lib/forms/action";
import { recordId } from "@/lib/validation/fields";
import { createUser, resetPassword, resetSecondFactor, updateUser } from "@/lib/users/service";
import { fieldErrors, passwordResetSchema } from "@/lib/validation/user";
import {
  formEntries,
  INVALID_FORM_MESSAGE,
  pickValues,
  userCreateFormSchema,
  userEditFormSchema,
  type FormState,
} from "@/lib/validation/admin-extra";

// Echoed back after a failed submission. Passwords are deliberately absent.
const CREATE_FIELDS = ["username", "fullName", "nip", "email", "role", "opdId"] as const;
const EDIT_FIELDS = [...CREATE_FIELDS, "active"] as const;

function failure(error: unknown, values: Record<string, string> | undefined, attempt: number): FormState {
  if (!isDomainError(error)) throw error;
  // Field errors are listed in the summary and beside their fields; the title stays generic.
  const message = error.fieldErrors ? INVALID_FORM_MESSAGE : error.message;
  return { message, fieldErrors: error.fieldErrors, values, attempt };
}

function validId(id: unknown): string {
  return typeof id === "string" && id.length > 0 && id.length <= 64 ? id : "";
}

export async function createUserAction(prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requirePermission("user.manage");
  const entries = formEntries(formData);
  const values = pickValues(entries, CREATE_FIELDS);
  const attempt = (prev.attempt ?? 0) + 1;
  const parsed = userCreateFormSchema.safeParse(entries);
  if (!parsed.success) {
    return { message: INVALID_FORM_MESSAGE, fieldErrors: fieldErrors(parsed), values, attempt };
  }
  try {
    await createUser(actor, parsed.data);
  } catch (error) {
    return failure(error, values, attempt);
  }
  revalidatePath("/admin/pengguna");
  redirect("/admin/pengguna?tersimpan=1");
}

/** Bound to the user's id by the page: `updateUserAction.bind(null, id)`. */
export async function updateUserAction(id: string, prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requirePermission("user.manage");
  const entries = formEntries(formData);
  const values = pickValues(entries, EDIT_FIELDS);
  const attempt = (prev.attempt ?? 0) + 1;
  const parsed = userEditFormSchema.safeParse(entries);
  if (!parsed.success) {
    return { message: INVALID_FORM_MESSAGE, fieldErrors: fieldErrors(parsed), values, attempt };
  }
  const userId = validId(id);
  try {
    await updateUser(actor, userId, parsed.data);
  } catch (error) {
    return failure(error, values, attempt);
  }
  revalidatePath("/admin/pengguna");
  revalidatePath(`/admin/pengguna/${userId}`);
  redirect(`/admin/pengguna/${encodeURIComponent(userId)}?tersimpan=1`);
}

/** Bound to the user's id by the page. Nothing is echoed back: the form only holds passwords. */
export async function resetPasswordAction(id: string, prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requirePermission("user.manage");
  const attempt = (prev.attempt ?? 0) + 1;
  const parsed = passwordResetSchema.safeParse(formEntries(formData));
  if (!parsed.success) {
    return { message: INVALID_FORM_MESSAGE, fieldErrors: fieldErrors(parsed), attempt };
  }
  const userId = validId(id);
  try {
    await resetPassword(actor, userId, parsed.data.password);
  } catch (error) {
    return failure(error, undefined, attempt);
  }
  revalidatePath(`/admin/pengguna/${userId}`);
  redirect(`/admin/pengguna/${encodeURIComponent(userId)}?tersimpan=sandi`);
}

/** Removes a user's second factor (lost phone); the user id travels in a hidden field. Audited. */
export const resetSecondFactorAction = formAction({
  schema: z.object({ id: recordId }),
  permission: "user.manage",
  run: ({ actor, data, now }) => resetSecondFactor(actor, data.id, now),
  onSuccess: (_result, { id }) => {
    revalidatePath(`/admin/pengguna/${id}`);
    redirect(`/admin/pengguna/${encodeURIComponent(id)}?tersimpan=2fa`);
  },
});
