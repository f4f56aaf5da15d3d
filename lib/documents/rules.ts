// Pure: who uploads which documents in which stage. `can(user, "document.upload")` says whether
// the role uploads at all (and only to its own OPD's cases); this table adds *when*: each stage
// is the OPD's desk or the Bagian Kerja Sama's desk. No I/O.
import { isOpdRole, type Role } from "@/lib/auth/roles";
import type { DocumentType, Initiator, Stage } from "@/lib/generated/prisma/enums";
import { STAGE_DOCUMENT_TYPES } from "@/lib/workflow/documents";
import { isTerminal } from "@/lib/workflow/stages";

type Side = "semua" | "penawaran-mitra" | readonly DocumentType[] | null;

/**
 * | Stage                                   | OPD (Operator/Kepala OPD)          | Bagian KS (Staf/Kabag)         |
 * |-----------------------------------------|------------------------------------|--------------------------------|
 * | DRAF, PERBAIKAN                         | all types of the stage             | only for a partner's offer     |
 * | PERSETUJUAN_OPD                         | surat inisiasi (signed by Kepala)  | —                              |
 * | PENYUSUNAN_KB / _PKS / _NK              | drafts (prepared together)         | all types of the stage         |
 * | PELAKSANAAN, BERAKHIR                   | reports and evidence               | all types of the stage         |
 * | every other non-terminal stage          | —                                  | all types of the stage         |
 * Terminal stages take no uploads.
 */
const OPD_REPORTS: readonly DocumentType[] = ["LAPORAN_BERKALA", "BUKTI_KEGIATAN", "LAPORAN_AKHIR", "LAINNYA"];

const UPLOADERS: Partial<Record<Stage, { opd: Side; ks: Side }>> = {
  DRAF: { opd: "semua", ks: "penawaran-mitra" },
  PERBAIKAN: { opd: "semua", ks: "penawaran-mitra" },
  PERSETUJUAN_OPD: { opd: "semua", ks: null },
  PENYUSUNAN_KB: { opd: "semua", ks: "semua" },
  PENYUSUNAN_PKS: { opd: "semua", ks: "semua" },
  PENYUSUNAN_NK: { opd: "semua", ks: "semua" },
  PELAKSANAAN: { opd: OPD_REPORTS, ks: "semua" },
  BERAKHIR: { opd: OPD_REPORTS, ks: "semua" },
};
const KS_DESK = { opd: null, ks: "semua" } as const;

export type UploadCase = { stage: Stage; initiator: Initiator };

/** Document types `role` may upload on a case in its current stage (assumes can() already passed). */
export function uploadableTypes(role: Role, c: UploadCase): DocumentType[] {
  if (isTerminal(c.stage)) return [];
  const stageTypes = STAGE_DOCUMENT_TYPES[c.stage] ?? [];
  const rule = UPLOADERS[c.stage] ?? KS_DESK;
  const side: Side = isOpdRole(role) ? rule.opd : rule.ks;
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
