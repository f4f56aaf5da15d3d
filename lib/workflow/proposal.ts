// Completeness of the proposal form (guard of DRAF → ajukan). Pure: works on plain values.
import type { CaseKind } from "./types";
import { asksDprdQuestions } from "./dprd";

export type ProposalFields = {
  kind: CaseKind;
  title?: string | null;
  partnerId?: string | null;
  subject?: string | null;
  governmentAffair?: string | null;
  purpose?: string | null;
  scope?: string | null;
  benefits?: string | null;
  fundingSource?: string | null;
  ksddNature?: string | null;
  ksdpkForm?: string | null;
  burdensPublic?: boolean | null;
  budgetedInApbd?: boolean | null;
};

const text = (v: string | null | undefined) => typeof v === "string" && v.trim().length > 0;

/** Indonesian names of the fields still empty. */
export function missingProposalFields(c: ProposalFields): string[] {
  const missing: string[] = [];
  if (!text(c.title)) missing.push("judul");
  if (!text(c.partnerId)) missing.push("mitra");
  if (c.kind === "KSDD" && !text(c.ksddNature)) missing.push("sifat kerja sama (wajib/sukarela)");
  if (c.kind === "KSDPK" && !text(c.ksdpkForm)) missing.push("bentuk kerja sama");
  if (!text(c.subject)) missing.push("objek kerja sama");
  if (!text(c.governmentAffair)) missing.push("urusan pemerintahan");
  if (!text(c.purpose)) missing.push("maksud dan tujuan");
  if (!text(c.scope)) missing.push("ruang lingkup");
  if (!text(c.benefits)) missing.push("manfaat");
  if (!text(c.fundingSource)) missing.push("sumber pendanaan");
  if (asksDprdQuestions(c.kind)) {
    if (c.burdensPublic == null) missing.push("pertanyaan DPRD: membebani masyarakat dan daerah");
    if (c.budgetedInApbd == null) missing.push("pertanyaan DPRD: sudah dianggarkan dalam APBD");
  }
  return missing;
}
