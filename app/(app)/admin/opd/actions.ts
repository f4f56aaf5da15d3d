"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction } from "@/lib/forms/action";
import { opdSchema, opdUpdateSchema } from "@/lib/opd/schemas";
import { createOpd, updateOpd } from "@/lib/opd/service";

export const createOpdAction = formAction({
  schema: opdSchema,
  permission: "opd.manage",
  run: ({ actor, data }) => createOpd(actor, data),
  onSuccess: () => {
    revalidatePath("/admin/opd");
    redirect("/admin/opd?tersimpan=1");
  },
});

export const updateOpdAction = formAction({
  schema: opdUpdateSchema,
  permission: "opd.manage",
  run: ({ actor, data: { id, ...input } }) => updateOpd(actor, id, input),
  onSuccess: (_result, { id }) => {
    revalidatePath("/admin/opd");
    revalidatePath(`/admin/opd/${id}`);
    redirect(`/admin/opd/${encodeURIComponent(id)}?tersimpan=1`);
  },
});
