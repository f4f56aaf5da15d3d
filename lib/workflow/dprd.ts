// perluDprd (domain §4.1): always for KSDPL/KSDLL, never for SINERGI; for KSDD (and KSDPK, a
// setting) when the cooperation burdens the public and the region, or is not yet budgeted in the
// current APBD.
import type { CaseKind } from "./types";

export function computeRequiresDprd(
  kind: CaseKind,
  answers: { burdensPublic?: boolean | null; budgetedInApbd?: boolean | null },
  ksdpkFollowsQuestions = true,
): boolean {
  if (kind === "KSDPL" || kind === "KSDLL") return true;
  if (kind === "SINERGI") return false;
  if (kind === "KSDPK" && !ksdpkFollowsQuestions) return false;
  return answers.burdensPublic === true || answers.budgetedInApbd === false;
}

/** Whether the form must ask the two DPRD questions for this jenis. */
export function asksDprdQuestions(kind: CaseKind): boolean {
  return kind === "KSDD" || kind === "KSDPK";
}
