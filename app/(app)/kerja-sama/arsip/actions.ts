"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction } from "@/lib/forms/action";
import { registerArchive } from "@/lib/legacy/register";
import { archiveSchema } from "@/lib/legacy/schema";

/*
 * Kerja Sama Arsip (lib/forms/action.ts): authenticate → parse → registerArchive with the actor and
 * the clock (Bagian Kerja Sama only, checked again there) → the case page of the registered agreement.
 */
export const registerArchiveAction = formAction({
  schema: archiveSchema,
  permission: "legacy.register",
  run: ({ actor, now, data }) => registerArchive({ actor, now, input: data }),
  onSuccess: ({ id }) => {
    revalidatePath("/usulan");
    revalidatePath("/kerja-sama");
    redirect(`/usulan/${encodeURIComponent(id)}?tersimpan=arsip`);
  },
});
