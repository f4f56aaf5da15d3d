"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requirePermission, requireUser } from "@/lib/auth/session";
import { draftSchema, partnerOfferSchema, partnerRequestSchema } from "@/lib/cases/schemas";
import { createDraft, registerPartnerOffer, requestPartner, updateDraft } from "@/lib/cases/service";
import { isDomainError, STALE_MESSAGE } from "@/lib/errors";
import { fieldErrors } from "@/lib/validation/user";
import { formEntries, INVALID_FORM_MESSAGE, pickValues, type FormState } from "@/lib/validation/admin-extra";
import { PROPOSAL_FIELDS, type PartnerOption } from "./options";

/*
 * Server actions of the proposal form. Each one: authenticate → parse (zod) → call the case service
 * with the actor (which checks the role and the record again) → map a DomainError to the form's
 * state, echoing what was sent → revalidate → redirect outside the try (redirect throws).
 */

/** `stale`: someone else changed the case since the page was loaded; the form offers a reload. */
export type ProposalFormState = FormState & { stale?: boolean };

function failure(error: unknown, values: Record<string, string> | undefined, attempt: number): ProposalFormState {
  if (!isDomainError(error)) throw error;
  if (error.code === "STALE") return { message: STALE_MESSAGE, values, attempt, stale: true };
  const message = error.fieldErrors ? INVALID_FORM_MESSAGE : error.message;
  return { message, fieldErrors: error.fieldErrors, values, attempt };
}

function validId(id: unknown): string {
  return typeof id === "string" && id.length > 0 && id.length <= 64 ? id : "";
}

function parseProposal(prev: ProposalFormState, formData: FormData) {
  const entries = formEntries(formData);
  const values = pickValues(entries, PROPOSAL_FIELDS);
  const attempt = (prev.attempt ?? 0) + 1;
  const parsed = draftSchema.safeParse(entries);
  return { entries, values, attempt, parsed };
}

function caseHref(id: string): string {
  return `/usulan/${encodeURIComponent(id)}?tersimpan=1`;
}

/** Operator OPD: a new draft for the own OPD. Documents are uploaded on the case page next. */
export async function createDraftAction(prev: ProposalFormState, formData: FormData): Promise<ProposalFormState> {
  const actor = await requirePermission("case.create");
  const { values, attempt, parsed } = parseProposal(prev, formData);
  if (!parsed.success) return { message: INVALID_FORM_MESSAGE, fieldErrors: fieldErrors(parsed), values, attempt };
  let id: string;
  try {
    ({ id } = await createDraft(actor, parsed.data));
  } catch (error) {
    return failure(error, values, attempt);
  }
  revalidatePath("/usulan");
  revalidatePath("/tindakan");
  redirect(caseHref(id));
}

/** Bagian Kerja Sama: a KSDPK offered by the partner, with the OPD given the disposisi. */
export async function registerPartnerOfferAction(
  prev: ProposalFormState,
  formData: FormData,
): Promise<ProposalFormState> {
  const actor = await requirePermission("case.registerPartnerInitiated");
  const entries = formEntries(formData);
  const values = pickValues(entries, PROPOSAL_FIELDS);
  const attempt = (prev.attempt ?? 0) + 1;
  const parsed = partnerOfferSchema.safeParse(entries);
  if (!parsed.success) return { message: INVALID_FORM_MESSAGE, fieldErrors: fieldErrors(parsed), values, attempt };
  let id: string;
  try {
    ({ id } = await registerPartnerOffer(actor, parsed.data));
  } catch (error) {
    return failure(error, values, attempt);
  }
  revalidatePath("/usulan");
  revalidatePath("/tindakan");
  redirect(caseHref(id));
}

/** Bound to the case id by the edit page. `version` (hidden field) guards against lost updates. */
export async function updateDraftAction(
  caseId: string,
  prev: ProposalFormState,
  formData: FormData,
): Promise<ProposalFormState> {
  const actor = await requireUser();
  const { entries, values, attempt, parsed } = parseProposal(prev, formData);
  if (!parsed.success) return { message: INVALID_FORM_MESSAGE, fieldErrors: fieldErrors(parsed), values, attempt };
  const id = validId(caseId);
  const version = Number(entries.version);
  if (!Number.isInteger(version) || version < 0) return { message: STALE_MESSAGE, values, attempt, stale: true };
  try {
    await updateDraft(actor, id, parsed.data, version);
  } catch (error) {
    return failure(error, values, attempt);
  }
  revalidatePath("/usulan");
  revalidatePath(`/usulan/${id}`);
  redirect(caseHref(id));
}

// ── Request for a partner not yet in the master list ───────────────────────────────────────

export type PartnerRequestState = FormState & { partner?: PartnerOption };

// Foreign partners need their country: the register and the rekap report it (domain §6).
const partnerRequestFormSchema = partnerRequestSchema.superRefine((v, ctx) => {
  const foreign = v.partnerClass === "PEMDA_LUAR_NEGERI" || v.partnerClass === "LEMBAGA_LUAR_NEGERI";
  if (foreign && (!v.country || v.country.toLowerCase() === "indonesia")) {
    ctx.addIssue({ code: "custom", path: ["country"], message: "Negara mitra luar negeri wajib diisi" });
  }
});

const PARTNER_FIELDS = ["name", "partnerClass", "province", "country", "address"] as const;

/**
 * Asks Bagian Kerja Sama to add a partner (unverified until they check it). Stays on the page: the
 * form selects the new partner so the operator can go on with the proposal.
 */
export async function requestPartnerAction(prev: PartnerRequestState, formData: FormData): Promise<PartnerRequestState> {
  const actor = await requireUser();
  // The sub-form's inputs carry a "mitra-" prefix so they never collide with the proposal's fields.
  const entries: Record<string, string> = {};
  for (const [key, value] of Object.entries(formEntries(formData))) {
    if (key.startsWith("mitra-")) entries[key.slice(6)] = value;
  }
  const values = pickValues(entries, PARTNER_FIELDS);
  const attempt = (prev.attempt ?? 0) + 1;
  const parsed = partnerRequestFormSchema.safeParse(entries);
  if (!parsed.success) return { message: INVALID_FORM_MESSAGE, fieldErrors: fieldErrors(parsed), values, attempt };
  const { name, partnerClass, province, country, address } = parsed.data;
  let id: string;
  try {
    ({ id } = await requestPartner(actor, { name, partnerClass, province, address, country: country ?? "Indonesia" }));
  } catch (error) {
    return failure(error, values, attempt);
  }
  revalidatePath("/usulan/baru");
  return { attempt, partner: { id, name, partnerClass, verified: false } };
}
