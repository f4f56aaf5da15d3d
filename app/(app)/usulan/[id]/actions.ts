"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { opinionSchema, perpanjanganSchema, pksTurunanSchema, transitionSchema } from "@/lib/cases/schemas";
import { giveTkksdOpinion, startPerpanjangan, startPksTurunan, transitionCase } from "@/lib/cases/service";
import { formAction } from "@/lib/forms/action";

/** Records one workflow event on a case (the action panel's forms: hidden caseId, event, version). */
export const transitionAction = formAction({
  schema: transitionSchema,
  run: ({ actor, now, data: { caseId, event, version, ...input } }) =>
    transitionCase({ actor, now, caseId, event, input, expectedVersion: version }),
  onSuccess: (_result, { caseId, event }) => {
    revalidatePath("/usulan");
    revalidatePath("/tindakan");
    revalidatePath(`/usulan/${caseId}`);
    redirect(`/usulan/${encodeURIComponent(caseId)}?berhasil=${encodeURIComponent(event)}`);
  },
});

/** A TKKSD member's written opinion. */
export const opinionAction = formAction({
  schema: opinionSchema,
  run: ({ actor, now, data: { caseId, ...input } }) => giveTkksdOpinion({ actor, now, caseId, input }),
  onSuccess: (_result, { caseId }) => {
    revalidatePath(`/usulan/${caseId}`);
    redirect(`/usulan/${encodeURIComponent(caseId)}?pendapat=1`);
  },
});

/** "Mulai PKS Turunan" under a KB in force. */
export const startPksTurunanAction = formAction({
  schema: pksTurunanSchema,
  permission: "case.startPksTurunan",
  run: ({ actor, now, data: { kbId, ...input } }) => startPksTurunan({ actor, now, kbAgreementId: kbId, input }),
  onSuccess: ({ id }) => {
    revalidatePath("/usulan");
    redirect(`/usulan/${encodeURIComponent(id)}?tersimpan=pks`);
  },
});

/** "Mulai Perpanjangan": a new usulan pre-filled from a running cooperation, linked to it. */
export const startPerpanjanganAction = formAction({
  schema: perpanjanganSchema,
  run: ({ actor, now, data }) => startPerpanjangan({ actor, now, caseId: data.caseId }),
  onSuccess: ({ id }, { caseId }) => {
    revalidatePath("/usulan");
    revalidatePath(`/usulan/${caseId}`);
    redirect(`/usulan/${encodeURIComponent(id)}?tersimpan=perpanjangan`);
  },
});
