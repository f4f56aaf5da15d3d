"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction } from "@/lib/forms/action";
import { mergePartner } from "@/lib/partners/merge";
import { partnerCreateSchema, partnerMergeSchema, partnerUpdateSchema, partnerVerifySchema } from "@/lib/partners/schemas";
import { createPartner, updatePartner, verifyPartner } from "@/lib/partners/service";

/*
 * Server actions of the partner master (lib/forms/action.ts): authenticate → parse → the partner
 * service with the actor and the clock (it authorizes again) → revalidate → redirect.
 */

function toPartner(id: string, notice: string): never {
  revalidatePath("/mitra");
  revalidatePath(`/mitra/${id}`);
  redirect(`/mitra/${encodeURIComponent(id)}?${notice}=1`);
}

export const createPartnerAction = formAction({
  schema: partnerCreateSchema,
  permission: "partner.manage",
  run: ({ actor, now, data }) => createPartner({ actor, now, input: data }),
  onSuccess: ({ id }) => toPartner(id, "tersimpan"),
});

export const updatePartnerAction = formAction({
  schema: partnerUpdateSchema,
  permission: "partner.manage",
  run: ({ actor, now, data: { id, version, ...input } }) => updatePartner({ actor, now, id, version, input }),
  onSuccess: (_r, { id }) => toPartner(id, "tersimpan"),
});

/** Confirms an OPD's request: the partner becomes available to every OPD. */
export const verifyPartnerAction = formAction({
  schema: partnerVerifySchema,
  permission: "partner.manage",
  run: ({ actor, now, data }) => verifyPartner({ actor, now, id: data.id, version: data.version }),
  onSuccess: (_r, { id }) => toPartner(id, "terverifikasi"),
});

/** Merges a duplicate into an existing partner; the page of the surviving partner is shown. */
export const mergePartnerAction = formAction({
  schema: partnerMergeSchema,
  permission: "partner.manage",
  run: ({ actor, now, data }) => mergePartner({ actor, now, sourceId: data.id, targetId: data.targetId, version: data.version }),
  onSuccess: (_r, { id, targetId }) => {
    revalidatePath(`/mitra/${id}`);
    revalidatePath("/kerja-sama");
    toPartner(targetId, "digabung");
  },
});
