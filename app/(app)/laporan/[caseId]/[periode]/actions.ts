"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction } from "@/lib/forms/action";
import { removeEvidence } from "@/lib/reports/evidence";
import { removeEvidenceSchema, returnSchema, reportSchema, reviewSchema } from "@/lib/reports/schemas";
import { returnReport, reviewReport, saveReport } from "@/lib/reports/service";

// The report page's forms. Every action authorizes in its service (the report's case scoped to the
// user, then lib/reports/rules): these are record actions, so there is no coarse permission gate.

function done(target: { caseId: string; period: string }, outcome: string): never {
  revalidatePath("/laporan");
  revalidatePath("/beranda");
  revalidatePath(`/usulan/${target.caseId}`);
  revalidatePath(`/laporan/${target.caseId}`);
  redirect(`/laporan/${encodeURIComponent(target.caseId)}/${target.period}?tersimpan=${outcome}`);
}

/** "Simpan Draf" / "Kirim Laporan" (the pressed button's `intent`). */
export const saveReportAction = formAction({
  schema: reportSchema,
  run: ({ actor, now, data }) => saveReport({ actor, now, input: data }),
  onSuccess: (result) => done(result, result.status === "DRAF" ? "draf" : "kirim"),
});

/** Bagian Kerja Sama: a rating 1–5 and a note. */
export const reviewReportAction = formAction({
  schema: reviewSchema,
  run: ({ actor, now, data }) =>
    reviewReport({ actor, now, reportId: data.reportId, expectedVersion: data.version, rating: data.rating, note: data.reviewNote }),
  onSuccess: (result) => done(result, "ditinjau"),
});

/** Bagian Kerja Sama: back to the OPD for revision, with the reason. */
export const returnReportAction = formAction({
  schema: returnSchema,
  run: ({ actor, now, data }) => returnReport({ actor, now, reportId: data.reportId, expectedVersion: data.version, reason: data.reason }),
  onSuccess: (result) => done(result, "dikembalikan"),
});

/** Removes an evidence file not sent yet. */
export const removeEvidenceAction = formAction({
  schema: removeEvidenceSchema,
  run: ({ actor, now, data }) => removeEvidence({ actor, now, reportId: data.reportId, documentId: data.documentId }),
  onSuccess: (result) => done(result, "bukti-dihapus"),
});
