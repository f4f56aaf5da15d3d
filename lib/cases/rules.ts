// Who may do what to a usulan beyond the transition table: pure rule functions over can(), called
// by the services before they act AND by the pages to decide what to show, so the screen never
// offers what the server refuses (house-style.md "One source, never a second list").
import { can, type PolicyUser } from "@/lib/auth/policy";
import { TKKSD_REVIEW_STAGES } from "@/lib/auth/policy-table";
import type { Initiator, Stage } from "@/lib/generated/prisma/enums";

export type RuleCase = { opdId: string; stage: Stage; initiator: Initiator };

/** Only a draft or a case returned for revision can be edited. */
export function isEditableStage(stage: Stage): boolean {
  return stage === "DRAF" || stage === "PERBAIKAN";
}

/**
 * Editing the proposal form: an OPD's own draft by its operator; a partner's offer (KSDPK prakarsa
 * mitra) by Bagian Kerja Sama, who registered it.
 */
export function mayEditDraft(user: PolicyUser, c: RuleCase): boolean {
  if (!isEditableStage(c.stage)) return false;
  return c.initiator === "MITRA"
    ? can(user, "case.registerPartnerInitiated")
    : can(user, "case.editDraft", { opdId: c.opdId, stage: c.stage });
}

/** Starting a new usulan for the user's own OPD. */
export function mayCreateDraft(user: PolicyUser): boolean {
  return Boolean(user.opdId) && can(user, "case.create", { opdId: user.opdId });
}

/** Registering a partner's offer (KSDPK prakarsa mitra) with a disposisi to an OPD. */
export function mayRegisterPartnerOffer(user: PolicyUser): boolean {
  return can(user, "case.registerPartnerInitiated");
}

/** Reading the TKKSD members' written opinions on a case. */
export function mayReadOpinions(user: PolicyUser, c: Pick<RuleCase, "opdId" | "stage">): boolean {
  return can(user, "case.readTkksdOpinions", { opdId: c.opdId, stage: c.stage });
}

/** Giving a written opinion: a TKKSD member, while the TKKSD reviews the case or its adendum. */
export function mayGiveOpinion(user: PolicyUser, c: Pick<RuleCase, "opdId" | "stage">): boolean {
  return (TKKSD_REVIEW_STAGES as readonly Stage[]).includes(c.stage) && can(user, "case.giveTkksdOpinion", { opdId: c.opdId, stage: c.stage });
}

/** The review round shown on the case page, from its history (the same count as the service's). */
export function reviewRound(history: readonly { toStage: Stage }[]): number {
  return Math.max(1, history.filter((h) => (TKKSD_REVIEW_STAGES as readonly Stage[]).includes(h.toStage)).length);
}

/** Starting a PKS turunan under a KB in force (the KB's state is the service's check). */
export function mayStartPksTurunan(user: PolicyUser): boolean {
  return can(user, "case.startPksTurunan", {});
}

/**
 * Starting a perpanjangan (domain §5): while the cooperation runs (PELAKSANAAN), by its OPD's
 * operator or Bagian Kerja Sama; a PKS turunan is renewed as a new PKS turunan under its KB instead.
 * Whether one is already open is the service's check (under a lock) and the page's data.
 */
export function mayStartPerpanjangan(user: PolicyUser, c: Pick<RuleCase, "opdId" | "stage"> & { parentAgreementId?: string | null }): boolean {
  return c.stage === "PELAKSANAAN" && !c.parentAgreementId && can(user, "case.startPerpanjangan", { opdId: c.opdId, stage: c.stage });
}
