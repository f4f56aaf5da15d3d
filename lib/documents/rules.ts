// Pure: who uploads which documents in which stage — THE rule the upload form's choices and the
// upload service both use (house-style.md: one source, never a second list). No I/O.
import { can, type PolicyUser } from "@/lib/auth/policy";
import { isOpdRole } from "@/lib/auth/roles";
import type { DocumentType, Initiator, Stage } from "@/lib/generated/prisma/enums";
import { stageDocumentTypes } from "@/lib/workflow/documents";
import { inCurrentRound, isTerminal } from "@/lib/workflow/stages";

type Side = "semua" | "penawaran-mitra" | readonly DocumentType[] | null;

/**
 * `can(user, "document.upload")` says whether the role uploads at all (OPD roles only to their own
 * OPD's cases); this table adds *when*: each stage is the OPD's desk or the Bagian Kerja Sama's desk.
 * | Stage                                   | OPD (Operator/Kepala OPD)          | Bagian KS (Staf/Kabag)         |
 * |-----------------------------------------|------------------------------------|--------------------------------|
 * | DRAF, PERBAIKAN                         | all types of the stage             | only for a partner's offer     |
 * | PERSETUJUAN_OPD                         | surat inisiasi (signed by Kepala)  | —                              |
 * | PENYUSUNAN_KB / _PKS / _NK, ADENDUM_PENYUSUNAN | drafts (prepared together)  | all types of the stage         |
 * | PELAKSANAAN, BERAKHIR                   | reports and evidence               | all types of the stage         |
 * | every other non-terminal stage          | —                                  | all types of the stage         |
 * A partner's offer (initiator MITRA) is Bagian KS's own file in DRAF/PERBAIKAN: the OPD given the
 * disposisi reads it but does not upload. Terminal stages take no uploads.
 */
const OPD_REPORTS: readonly DocumentType[] = ["LAPORAN_BERKALA", "BUKTI_KEGIATAN", "LAPORAN_AKHIR", "LAINNYA"];

const UPLOADERS: Partial<Record<Stage, { opd: Side; ks: Side; opdOnPartnerOffer?: Side }>> = {
  DRAF: { opd: "semua", ks: "penawaran-mitra", opdOnPartnerOffer: null },
  PERBAIKAN: { opd: "semua", ks: "penawaran-mitra", opdOnPartnerOffer: null },
  PERSETUJUAN_OPD: { opd: "semua", ks: null },
  PENYUSUNAN_KB: { opd: "semua", ks: "semua" },
  PENYUSUNAN_PKS: { opd: "semua", ks: "semua" },
  PENYUSUNAN_NK: { opd: "semua", ks: "semua" },
  ADENDUM_PENYUSUNAN: { opd: "semua", ks: "semua" },
  PELAKSANAAN: { opd: OPD_REPORTS, ks: "semua" },
  BERAKHIR: { opd: OPD_REPORTS, ks: "semua" },
};
const KS_DESK: { opd: Side; ks: Side; opdOnPartnerOffer?: Side } = { opd: null, ks: "semua" };

export type UploadCase = { stage: Stage; initiator: Initiator; opdId: string };

/** Document types `user` may upload on the case now ([] = no upload form at all). */
export function uploadableTypes(user: PolicyUser, c: UploadCase): DocumentType[] {
  if (isTerminal(c.stage) || !can(user, "document.upload", { opdId: c.opdId, stage: c.stage })) return [];
  const stageTypes = stageDocumentTypes(c.stage, c.initiator);
  const rule = UPLOADERS[c.stage] ?? KS_DESK;
  const side: Side = isOpdRole(user.role)
    ? c.initiator === "MITRA" && rule.opdOnPartnerOffer !== undefined ? rule.opdOnPartnerOffer : rule.opd
    : rule.ks;
  if (side === null) return [];
  if (side === "semua") return [...stageTypes];
  if (side === "penawaran-mitra") return c.initiator === "MITRA" ? [...stageTypes] : [];
  return stageTypes.filter((t) => side.includes(t));
}

/**
 * Types that collect several independent files (every photo of an activity, every periodic report):
 * a new upload adds an item and is never a correction of a locked earlier one.
 */
export const COLLECTION_TYPES: readonly DocumentType[] = ["BUKTI_KEGIATAN", "LAPORAN_BERKALA", "LAINNYA"];

export function needsCorrectionReason(type: DocumentType, latestLocked: boolean): boolean {
  return latestLocked && !COLLECTION_TYPES.includes(type);
}

/**
 * Types whose latest version is locked (and is not a collection): uploading one is a correction and
 * needs a reason. The upload form asks for the reason exactly for these; the service demands it.
 */
export function typesNeedingReason(
  documents: readonly { type: DocumentType; version: number; locked: boolean; stage: Stage; agreementId: string | null }[],
  caseStage: Stage,
): DocumentType[] {
  const latest = new Map<DocumentType, { version: number; locked: boolean }>();
  // Only the current round counts: a new adendum's draft is not a correction of the previous one's.
  for (const d of documents.filter((x) => inCurrentRound(x, caseStage))) {
    const seen = latest.get(d.type);
    if (!seen || d.version > seen.version) latest.set(d.type, d);
  }
  return [...latest].filter(([type, d]) => needsCorrectionReason(type, d.locked)).map(([type]) => type);
}
