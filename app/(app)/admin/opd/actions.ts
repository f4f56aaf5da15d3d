"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requirePermission } from "@/lib/auth/session";
import { isDomainError } from "@/lib/errors";
import { createOpd, updateOpd } from "@/lib/opd/service";
import { fieldErrors, opdSchema } from "@/lib/validation/user";
import { formEntries, INVALID_FORM_MESSAGE, pickValues, type FormState } from "@/lib/validation/admin-extra";

const FIELDS = ["name", "shortName", "code", "active"] as const;

function failure(error: unknown, values: Record<string, string>, attempt: number): FormState {
  if (!isDomainError(error)) throw error;
  // Field errors are listed in the summary and beside their fields; the title stays generic.
  const message = error.fieldErrors ? INVALID_FORM_MESSAGE : error.message;
  return { message, fieldErrors: error.fieldErrors, values, attempt };
}

export async function createOpdAction(prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requirePermission("opd.manage");
  const entries = formEntries(formData);
  const values = pickValues(entries, FIELDS);
  const attempt = (prev.attempt ?? 0) + 1;
  const parsed = opdSchema.safeParse(entries);
  if (!parsed.success) {
    return { message: INVALID_FORM_MESSAGE, fieldErrors: fieldErrors(parsed), values, attempt };
  }
  try {
    await createOpd(actor, parsed.data);
  } catch (error) {
    return failure(error, values, attempt);
  }
  revalidatePath("/admin/opd");
  redirect("/admin/opd?tersimpan=1");
}

/** Bound to the OPD's id by the page: `updateOpdAction.bind(null, id)`. */
export async function updateOpdAction(id: string, prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requirePermission("opd.manage");
  const entries = formEntries(formData);
  const values = pickValues(entries, FIELDS);
  const attempt = (prev.attempt ?? 0) + 1;
  const parsed = opdSchema.safeParse(entries);
  if (!parsed.success) {
    return { message: INVALID_FORM_MESSAGE, fieldErrors: fieldErrors(parsed), values, attempt };
  }
  const opdId = typeof id === "string" && id.length <= 64 ? id : "";
  try {
    await updateOpd(actor, opdId, parsed.data);
  } catch (error) {
    return failure(error, values, attempt);
  }
  revalidatePath("/admin/opd");
  revalidatePath(`/admin/opd/${opdId}`);
  redirect(`/admin/opd/${encodeURIComponent(opdId)}?tersimpan=1`);
}
