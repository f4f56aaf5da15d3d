"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { draftSchema, draftUpdateSchema, partnerOfferSchema, partnerRequestSchema } from "@/lib/cases/schemas";
import { createDraft, registerPartnerOffer, requestPartner, updateDraft } from "@/lib/cases/service";
import { formAction } from "@/lib/forms/action";

/*
 * Server actions of the proposal form (lib/forms/action.ts): authenticate → parse → the case
 * service with the actor and the clock (it checks the role and the record again) → revalidate →
 * redirect to the case page, where documents are uploaded next.
 */

function toCase(id: string): never {
  revalidatePath("/usulan");
  revalidatePath("/tindakan");
  revalidatePath(`/usulan/${id}`);
  redirect(`/usulan/${encodeURIComponent(id)}?tersimpan=1`);
}

/** Operator OPD: a new draft for the own OPD. */
export const createDraftAction = formAction({
  schema: draftSchema,
  permission: "case.create",
  run: ({ actor, now, data }) => createDraft({ actor, now, input: data }),
  onSuccess: ({ id }) => toCase(id),
});

/** Bagian Kerja Sama: a KSDPK offered by the partner, with the OPD given the disposisi. */
export const registerPartnerOfferAction = formAction({
  schema: partnerOfferSchema,
  permission: "case.registerPartnerInitiated",
  run: ({ actor, now, data }) => registerPartnerOffer({ actor, now, input: data }),
  onSuccess: ({ id }) => toCase(id),
});

/** Editing a draft; `version` (hidden field) guards against lost updates. */
export const updateDraftAction = formAction({
  schema: draftUpdateSchema,
  run: ({ actor, now, data: { id, version, ...input } }) => updateDraft({ actor, now, caseId: id, input, expectedVersion: version }),
  onSuccess: (_result, { id }) => toCase(id),
});

/**
 * Asks Bagian Kerja Sama to add a partner (unverified until they check it). Stays on the page: the
 * proposal form selects the new partner so the operator can go on.
 */
export const requestPartnerAction = formAction({
  schema: partnerRequestSchema,
  permission: "partner.request",
  run: ({ actor, now, data }) => requestPartner({ actor, now, input: data }),
  onSuccess: () => revalidatePath("/usulan/baru"),
  replyData: ({ id }, data) => ({
    partner: { id, name: data.name, partnerClass: data.partnerClass, universityStatus: data.universityStatus ?? null, verified: false },
  }),
});
