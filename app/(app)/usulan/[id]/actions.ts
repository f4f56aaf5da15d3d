"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { eventInputSchema, opinionSchema, pksTurunanSchema } from "@/lib/cases/schemas";
import { giveTkksdOpinion, startPksTurunan, transitionCase } from "@/lib/cases/service";
import { isDomainError, STALE_MESSAGE, type DomainError } from "@/lib/errors";
import { fieldErrors } from "@/lib/validation/user";
import { formEntries, INVALID_FORM_MESSAGE, pickValues, type FormState } from "@/lib/validation/admin-extra";

// Echoed back after a failed submission (React 19 resets forms); the hidden fields are not.
const EVENT_FIELDS = [
  "note", "checklistComplete", "ourNumber", "partnerNumber", "signedAt", "signedPlace", "signerType", "signerName",
  "signerPosition", "startDate", "endDate", "durationOverrideBasis", "dprdNumber", "dprdDate", "terminationGround",
  "terminationDate",
] as const;

/** What the workflow's "missing" names refer to on the signing form. */
const SIGNING_FIELD: Record<string, string> = {
  "nomor naskah pihak daerah": "ourNumber",
  "nomor naskah pihak mitra": "partnerNumber",
  "tanggal penandatanganan": "signedAt",
  "tempat penandatanganan": "signedPlace",
  penandatangan: "signerType",
  "nama penandatangan": "signerName",
  "jabatan penandatangan": "signerPosition",
  "tanggal mulai berlaku": "startDate",
  "tanggal berakhir": "endDate",
};

/** Fields a workflow refusal points at, so the form marks them (the message stays the workflow's). */
function refusalFields(error: DomainError, values: Record<string, string>): Record<string, string> | undefined {
  const blank = (f: string) => !values[f]?.trim();
  const mark = (fields: string[], text: string, onlyBlank = true) => {
    const out: Record<string, string> = {};
    for (const f of fields) if (!onlyBlank || blank(f)) out[f] = text;
    return Object.keys(out).length > 0 ? out : undefined;
  };
  switch (error.reason) {
    case "REASON_REQUIRED":
      return mark(["note"], "Alasan wajib diisi.");
    case "CHECKLIST_INCOMPLETE":
      return mark(["checklistComplete"], "Centang setelah seluruh butir daftar periksa diperiksa.");
    case "DPRD_DECISION_DATA_REQUIRED":
      return mark(["dprdNumber", "dprdDate"], "Wajib diisi.");
    case "TERMINATION_DATA_REQUIRED":
      return mark(["terminationGround", "terminationDate"], "Wajib diisi.");
    case "SIGNING_DATA_REQUIRED":
      return mark((error.missing ?? []).map((m) => SIGNING_FIELD[m]).filter(Boolean), "Wajib diisi.");
    case "PERIOD_INVALID":
      return mark(["endDate"], error.message, false);
    case "PERIOD_OUTSIDE_KB":
      return mark(["startDate", "endDate"], error.message, false);
    case "DURATION_EXCEEDED":
      return mark(["durationOverrideBasis"], error.message, false);
    case "SIGNER_NOT_ALLOWED":
      return mark(["signerType"], error.message, false);
    default:
      return undefined;
  }
}

function failure(error: unknown, values: Record<string, string>, attempt: number): FormState {
  if (!isDomainError(error)) throw error;
  if (error.code === "STALE") return { message: STALE_MESSAGE, values, attempt };
  if (error.code === "VALIDATION" && error.fieldErrors) {
    return { message: INVALID_FORM_MESSAGE, fieldErrors: error.fieldErrors, values, attempt };
  }
  return { message: error.message, fieldErrors: error.fieldErrors ?? refusalFields(error, values), values, attempt };
}

function validId(id: unknown): string {
  return typeof id === "string" && id.length > 0 && id.length <= 64 ? id : "";
}

/** Records one workflow event on a case (the action panel's forms: hidden caseId, event, version). */
export async function transitionAction(prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireUser();
  const entries = formEntries(formData);
  const values = pickValues(entries, EVENT_FIELDS);
  const attempt = (prev.attempt ?? 0) + 1;
  const caseId = validId(entries.caseId);
  const event = typeof entries.event === "string" ? entries.event.slice(0, 64) : "";
  const version = Number(entries.version);
  if (!caseId || !event || !Number.isInteger(version) || version < 0) {
    return { message: "Formulir tidak lengkap. Muat ulang halaman lalu coba lagi.", values, attempt };
  }
  const parsed = eventInputSchema.safeParse(entries);
  if (!parsed.success) {
    return { message: INVALID_FORM_MESSAGE, fieldErrors: fieldErrors(parsed), values, attempt };
  }
  try {
    await transitionCase(actor, caseId, event, parsed.data, version);
  } catch (error) {
    return failure(error, values, attempt);
  }
  revalidatePath("/usulan");
  revalidatePath(`/usulan/${caseId}`);
  redirect(`/usulan/${encodeURIComponent(caseId)}?berhasil=${encodeURIComponent(event)}`);
}

/** A TKKSD member's written opinion. Bound to the case id by the page. */
export async function opinionAction(caseId: string, prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireUser();
  const entries = formEntries(formData);
  const values = pickValues(entries, ["opinion", "note"]);
  const attempt = (prev.attempt ?? 0) + 1;
  const parsed = opinionSchema.safeParse(entries);
  if (!parsed.success) {
    return { message: INVALID_FORM_MESSAGE, fieldErrors: fieldErrors(parsed), values, attempt };
  }
  const id = validId(caseId);
  try {
    await giveTkksdOpinion(actor, id, parsed.data);
  } catch (error) {
    return failure(error, values, attempt);
  }
  revalidatePath(`/usulan/${id}`);
  redirect(`/usulan/${encodeURIComponent(id)}?pendapat=1`);
}

/** "Mulai PKS Turunan" under a running KB. Bound to the KB agreement id by the page. */
export async function startPksTurunanAction(kbAgreementId: string, prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireUser();
  const entries = formEntries(formData);
  const values = pickValues(entries, ["title", "opdId"]);
  const attempt = (prev.attempt ?? 0) + 1;
  const parsed = pksTurunanSchema.safeParse(entries);
  if (!parsed.success) {
    return { message: INVALID_FORM_MESSAGE, fieldErrors: fieldErrors(parsed), values, attempt };
  }
  let created: { id: string; code: string };
  try {
    created = await startPksTurunan(actor, validId(kbAgreementId), parsed.data);
  } catch (error) {
    return failure(error, values, attempt);
  }
  revalidatePath("/usulan");
  redirect(`/usulan/${encodeURIComponent(created.id)}?tersimpan=pks`);
}
