// Who may do what with the monitoring reports (laporan pelaksanaan), beyond can(): pure rule
// functions the services enforce AND the pages use to decide what to show (house-style.md: one
// source, never a second list). No I/O.
import { can, type PolicyUser } from "@/lib/auth/policy";
import { isOpdRole } from "@/lib/auth/roles";
import type { AgreementType, DocumentType, ReportStatus, Stage } from "@/lib/generated/prisma/enums";

/**
 * The naskah that carry monitoring reports: the running agreement of a case — its PKS (KSDD/KSDPK,
 * also a PKS turunan), its Nota Kesepakatan (SINERGI; the Rencana Kerja runs under it and is reported
 * with it) or its MoU (KSDPL/KSDLL). A Kesepakatan Bersama is an umbrella without activities of its
 * own: the work is done and reported under its PKS, and a KB without PKS is the dashboard's
 * "KB Belum Ditindaklanjuti", not a missing report.
 */
export const REPORTED_TYPES: readonly AgreementType[] = ["PKS", "NK", "MOU"];

/**
 * Stages in which the OPD reports: while the agreement runs (an adendum in preparation does not
 * suspend it) and after its end, until the case is closed (the laporan akhir and any late periods).
 */
export const REPORTING_STAGES: readonly Stage[] = [
  "PELAKSANAAN", "ADENDUM_PENYUSUNAN", "ADENDUM_KAJIAN", "ADENDUM_DPRD", "ADENDUM_PENANDATANGANAN", "BERAKHIR",
];

/** A report the OPD may still change: a draft, or one returned for revision. */
export const EDITABLE_STATUSES: readonly ReportStatus[] = ["DRAF", "DIKEMBALIKAN"];
export const isEditable = (status: ReportStatus) => EDITABLE_STATUSES.includes(status);

/** Evidence per kind of report: activity evidence (photos, BAST, PDF) and the report document itself. */
export function evidenceTypes(isFinal: boolean): DocumentType[] {
  return isFinal ? ["LAPORAN_AKHIR", "BUKTI_KEGIATAN"] : ["BUKTI_KEGIATAN", "LAPORAN_BERKALA"];
}

/** At most this many evidence files per report (the case's upload quota applies as well). */
export const MAX_EVIDENCE_PER_REPORT = 20;

type Owned = { opdId: string };

/** Opening one agreement's reports and evidence. */
export function mayReadReports(user: PolicyUser, c: Owned): boolean {
  return can(user, "report.read", { opdId: c.opdId });
}

/** Writing, sending and adding evidence: the OPD's operator, on a case still reporting. */
export function mayWriteReports(user: PolicyUser, c: Owned & { stage: Stage }): boolean {
  return REPORTING_STAGES.includes(c.stage) && can(user, "report.submit", { opdId: c.opdId });
}

/** Reviewing (rating or returning) sent reports: Bagian Kerja Sama. */
export function mayReviewReports(user: PolicyUser, c: Owned): boolean {
  return can(user, "report.review", { opdId: c.opdId });
}

/**
 * A draft is the OPD's working copy: only the OPD's own users see its contents; everybody else sees
 * the period as not yet reported.
 */
export function maySeeDraft(user: PolicyUser, c: Owned): boolean {
  return isOpdRole(user.role) && mayReadReports(user, c);
}
