"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction } from "@/lib/forms/action";
import { recordId } from "@/lib/validation/fields";
import { createUser, resetPassword, resetSecondFactor, updateUser } from "@/lib/users/service";
import { passwordResetFormSchema, userCreateFormSchema, userUpdateFormSchema } from "@/lib/validation/admin-extra";

// Passwords are never echoed back to the browser.
const PASSWORDS = ["password", "confirmPassword"];

export const createUserAction = formAction({
  schema: userCreateFormSchema,
  permission: "user.manage",
  hideFields: PASSWORDS,
  run: ({ actor, data }) => createUser(actor, data),
  onSuccess: () => {
    revalidatePath("/admin/pengguna");
    redirect("/admin/pengguna?tersimpan=1");
  },
});

export const updateUserAction = formAction({
  schema: userUpdateFormSchema,
  permission: "user.manage",
  run: ({ actor, data: { id, ...input } }) => updateUser(actor, id, input),
  onSuccess: (_result, { id }) => {
    revalidatePath("/admin/pengguna");
    revalidatePath(`/admin/pengguna/${id}`);
    redirect(`/admin/pengguna/${encodeURIComponent(id)}?tersimpan=1`);
  },
});

export const resetPasswordAction = formAction({
  schema: passwordResetFormSchema,
  permission: "user.manage",
  hideFields: PASSWORDS,
  run: ({ actor, data }) => resetPassword(actor, data.id, data.password),
  onSuccess: (_result, { id }) => {
    revalidatePath(`/admin/pengguna/${id}`);
    redirect(`/admin/pengguna/${encodeURIComponent(id)}?tersimpan=sandi`);
  },
});

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
