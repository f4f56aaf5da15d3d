import "server-only";
import { getDb } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/session";
import { assertQuota, storeUpload } from "@/lib/documents/service";
import { MAX_UPLOAD_BYTES } from "@/lib/documents/http";
import { sanitizeFileName } from "@/lib/documents/file-name";
import type { ByteSource } from "@/lib/documents/stream";
import { DomainError, STALE_MESSAGE } from "@/lib/errors";
import type { Document } from "@/lib/generated/prisma/client";
import { DocumentType } from "@/lib/generated/prisma/enums";
import { deleteObject } from "@/lib/storage";
import { DOCUMENT_LABELS } from "@/lib/workflow/documents";
import { isoDate } from "@/lib/dates";
import { loadReportCase } from "./context";
import { FINAL_KEY } from "./periods";
import { evidenceTypes, isEditable, MAX_EVIDENCE_PER_REPORT } from "./rules";
import { assertMayWrite, auditReport, REPORT_NOT_FOUND } from "./service";
import { FileTooLargeError } from "@/lib/documents/service";

/*
 * Evidence of a monitoring report (bukti kegiatan, the periodic or final report document): uploaded
 * by the OPD's operator to a report that is still editable, checked by content exactly like every
 * other document (lib/documents storeUpload: PDF, and JPEG/PNG for activity evidence; ≤ 20 MB;
 * streamed), stored as a Document of the case linked to the report and its agreement. Evidence that
 * was sent with the report is locked; evidence added since may be removed again (soft delete).
 */

const NOT_EDITABLE = "Laporan sudah dikirim: bukti hanya dapat ditambah atau dihapus selama laporan berupa draf atau dikembalikan untuk perbaikan.";

async function editableReport(actor: CurrentUser, reportId: string) {
  const db = getDb();
  const report = await db.monitoringReport.findFirst({
    where: { id: reportId, deletedAt: null },
    select: { id: true, caseId: true, agreementId: true, isFinal: true, status: true, periodStart: true },
  });
  const c = report ? await loadReportCase(db, actor, report.caseId) : null;
  if (!report || !c) throw new DomainError("NOT_FOUND", REPORT_NOT_FOUND);
  assertMayWrite(actor, c);
  if (!isEditable(report.status)) throw new DomainError("VALIDATION", NOT_EDITABLE);
  return report;
}

export type EvidenceUpload = {
  reportId: string;
  type: string;
  originalName?: string | null;
  stream: ByteSource;
  declaredSize?: number | null;
  now: Date;
};

export async function uploadEvidence(actor: CurrentUser, input: EvidenceUpload): Promise<Document> {
  const report = await editableReport(actor, input.reportId);
  const allowed = evidenceTypes(report.isFinal);
  const type = input.type as DocumentType;
  if (!Object.prototype.hasOwnProperty.call(DocumentType, input.type) || !allowed.includes(type)) {
    const message = `Jenis bukti untuk laporan ini: ${allowed.map((t) => DOCUMENT_LABELS[t]).join(" atau ")}.`;
    throw new DomainError("VALIDATION", message, { type: message });
  }
  if (input.declaredSize != null && input.declaredSize > MAX_UPLOAD_BYTES) throw new FileTooLargeError();
  if (input.declaredSize === 0) throw new DomainError("VALIDATION", "Berkas kosong. Pilih berkas yang berisi dokumen.");

  const stored = await storeUpload(type, input.stream, input.declaredSize);
  try {
    return await getDb().$transaction(async (tx) => {
      // The report row, then the case row (document versions per case and type, as every upload).
      const locked = await tx.$queryRaw<{ status: string }[]>`
        SELECT status::text AS status FROM "MonitoringReport" WHERE id = ${report.id} FOR UPDATE`;
      if (!locked[0] || !isEditable(locked[0].status as never)) throw new DomainError("STALE", STALE_MESSAGE);
      const stage = await tx.$queryRaw<{ stage: string }[]>`SELECT stage::text AS stage FROM "Case" WHERE id = ${report.caseId} FOR UPDATE`;
      if (!stage[0]) throw new DomainError("STALE", STALE_MESSAGE);
      const count = await tx.document.count({ where: { reportId: report.id, deletedAt: null } });
      if (count >= MAX_EVIDENCE_PER_REPORT) {
        throw new DomainError("VALIDATION", `Satu laporan memuat paling banyak ${MAX_EVIDENCE_PER_REPORT} berkas bukti.`);
      }
      await assertQuota(tx, actor.id, report.caseId, stored.sizeBytes, input.now);
      const latest = await tx.document.findFirst({
        where: { caseId: report.caseId, type }, orderBy: { version: "desc" }, select: { version: true },
      });
      const doc = await tx.document.create({
        data: {
          caseId: report.caseId, agreementId: report.agreementId, reportId: report.id,
          // Evidence belongs to the implementation stage (the laporan akhir to the stage after the end).
          stage: report.isFinal ? "BERAKHIR" : "PELAKSANAAN",
          type, version: (latest?.version ?? 0) + 1, locked: false,
          storageKey: stored.storageKey, sha256: stored.sha256, sizeBytes: stored.sizeBytes, mimeType: stored.sniffed.mime,
          originalName: sanitizeFileName(input.originalName, stored.sniffed), uploadedById: actor.id, uploadedAt: input.now,
        },
      });
      await auditReport(tx, actor.id, "report.evidence.upload", report.id, {
        caseId: report.caseId, documentId: doc.id, type, sha256: doc.sha256, sizeBytes: doc.sizeBytes,
      }, input.now);
      return doc;
    }, { maxWait: 10_000, timeout: 15_000 });
  } catch (error) {
    await deleteObject(stored.storageKey);
    throw error;
  }
}

/** Removes (soft-deletes) evidence added to a draft or returned report since it was last sent. */
export async function removeEvidence({ actor, now, reportId, documentId }: { actor: CurrentUser; now: Date; reportId: string; documentId: string }) {
  const report = await editableReport(actor, reportId);
  await getDb().$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ status: string }[]>`
      SELECT status::text AS status FROM "MonitoringReport" WHERE id = ${report.id} FOR UPDATE`;
    if (!locked[0] || !isEditable(locked[0].status as never)) throw new DomainError("STALE", STALE_MESSAGE);
    const doc = await tx.document.findFirst({
      where: { id: documentId, reportId: report.id, deletedAt: null },
      select: { id: true, locked: true, type: true },
    });
    if (!doc) throw new DomainError("NOT_FOUND", "Bukti tidak ditemukan.");
    if (doc.locked) throw new DomainError("VALIDATION", "Bukti yang sudah pernah dikirim tidak dapat dihapus; tambahkan bukti baru bila perlu.");
    await tx.document.update({ where: { id: doc.id }, data: { deletedAt: now, deletedById: actor.id } });
    await auditReport(tx, actor.id, "report.evidence.remove", report.id, { caseId: report.caseId, documentId: doc.id, type: doc.type }, now);
  }, { maxWait: 10_000, timeout: 15_000 });
  return { id: documentId, caseId: report.caseId, period: report.isFinal ? FINAL_KEY : isoDate(report.periodStart) };
}
