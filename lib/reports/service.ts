import "server-only";
import { getDb, type Tx } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/session";
import { formatTanggal } from "@/lib/format";
import { DomainError, STALE_MESSAGE } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ReportStatus, Stage } from "@/lib/generated/prisma/enums";
import { can } from "@/lib/auth/policy";
import { loadSettings } from "@/lib/settings/load";
import { isoDate } from "@/lib/dates";
import { loadReportCase, periodsOf, reportedAgreementOf } from "./context";
import { FINAL_KEY, findPeriod, mayDraftOn, maySendOn } from "./periods";
import { RATING_MAX, RATING_MIN, type ReportInput } from "./schemas";
import { EDITABLE_STATUSES, isEditable, mayReviewReports, mayWriteReports, REPORTING_STAGES } from "./rules";
import { writeMonevFlags } from "@/lib/dashboard/monev-flags";

/*
 * Mutations of the monitoring reports (domain §6). Each one: the case scoped to the actor (another
 * OPD's case or report is NOT_FOUND), the rule functions of rules.ts, then one transaction that
 * re-checks the state it read (WHERE id, version, status — else STALE) and writes its audit row.
 * The report lifecycle:  DRAF → DIAJUKAN → DITINJAU (final, rated 1–5)
 *                                    ↘ DIKEMBALIKAN → DIAJUKAN …
 * A reviewed report never changes again, so the closing guard (lib/workflow finalReportReviewed)
 * cannot be invalidated between its check and the case's move to SELESAI.
 */

export const REPORT_NOT_FOUND = "Laporan tidak ditemukan.";
const TX_OPTIONS = { maxWait: 10_000, timeout: 15_000 } as const;
const tanggal = (d: Date) => formatTanggal(d, "UTC");

type AuditAction = "report.saveDraft" | "report.submit" | "report.resubmit" | "report.review" | "report.return"
  | "report.evidence.upload" | "report.evidence.remove";

export async function auditReport(tx: Tx, actorId: string, action: AuditAction, reportId: string, data: Prisma.InputJsonObject, at: Date) {
  await tx.auditEvent.create({ data: { actorId, action, entity: "MonitoringReport", entityId: reportId, data, createdAt: at } });
}

/** The case row, share-locked until the transaction ends: a concurrent stage change waits (or we see it). */
async function lockCaseStage(tx: Tx, caseId: string): Promise<string | undefined> {
  const rows = await tx.$queryRaw<{ stage: string }[]>`SELECT stage::text AS stage FROM "Case" WHERE id = ${caseId} AND "deletedAt" IS NULL FOR SHARE`;
  return rows[0]?.stage;
}

export const CLOSED_MESSAGE = "Kerja sama ini tidak lagi menerima laporan (sudah ditutup atau diakhiri).";

/** The OPD's operator, on a case that still reports (rules.ts mayWriteReports, with the reason when not). */
export function assertMayWrite(actor: CurrentUser, c: { opdId: string; stage: Stage }): void {
  if (mayWriteReports(actor, c)) return;
  if (!can(actor, "report.submit", { opdId: c.opdId })) {
    throw new DomainError("FORBIDDEN", "Anda tidak berwenang menyampaikan laporan pelaksanaan kerja sama ini.");
  }
  throw new DomainError("VALIDATION", CLOSED_MESSAGE);
}

const isUniqueViolation = (e: unknown) => typeof e === "object" && e !== null && (e as { code?: unknown }).code === "P2002";

export type SaveReportRequest = { actor: CurrentUser; now: Date; input: ReportInput };

/**
 * Saves a report as a draft or sends it (input.intent). The first save creates the period's one
 * report: when two users save the same period at once, the unique (agreement, final?, period start)
 * lets one win and the other gets STALE. Later saves need the version the form was opened with.
 */
/** What a report mutation answers: the report, and where its page is (case and period key). */
export type ReportResult = { id: string; status: ReportStatus; version: number; caseId: string; period: string };

export async function saveReport({ actor, now, input }: SaveReportRequest): Promise<ReportResult> {
  const db = getDb();
  const c = await loadReportCase(db, actor, input.caseId);
  if (!c) throw new DomainError("NOT_FOUND", "Kerja sama tidak ditemukan.");
  assertMayWrite(actor, c);
  const [agreement, settings] = await Promise.all([reportedAgreementOf(db, c.id), loadSettings(db)]);
  if (!agreement) throw new DomainError("NOT_FOUND", "Naskah kerja sama yang dilaporkan tidak ditemukan.");
  const { today, periods } = periodsOf(c, agreement, settings, now);
  const period = findPeriod(periods, input.period);
  if (!period) throw new DomainError("NOT_FOUND", "Periode laporan tidak ditemukan.");
  if (!mayDraftOn(period, today)) {
    const what = period.isFinal ? "Laporan akhir" : `Periode ${period.label} belum dimulai: laporannya`;
    throw new DomainError("VALIDATION", `${what} dapat disusun mulai ${tanggal(period.opensOn)}.`);
  }
  const send = input.intent === "kirim";
  if (send && !maySendOn(period, today)) {
    throw new DomainError("VALIDATION", `Laporan ${period.label} dapat dikirim mulai ${tanggal(period.end)}, hari terakhir periodenya. Simpan sebagai draf lebih dahulu.`);
  }

  const fields = {
    realization: input.realization,
    outputAchieved: input.outputAchieved,
    benefits: input.benefits ?? null,
    obstacles: input.obstacles ?? null,
    followUp: input.followUp ?? null,
    recommendation: input.recommendation,
  };
  const key = { agreementId: agreement.id, isFinal: period.isFinal, periodStart: period.start };

  try {
    return await db.$transaction(async (tx) => {
      const stage = await lockCaseStage(tx, c.id);
      if (!stage || !REPORTING_STAGES.includes(stage as never)) throw new DomainError("STALE", STALE_MESSAGE);
      const existing = await tx.monitoringReport.findUnique({
        where: { agreementId_isFinal_periodStart: key },
        select: { id: true, status: true, version: true },
      });
      if (existing && (existing.id !== input.reportId || existing.version !== input.version)) {
        // Opened before someone else saved or changed it.
        throw new DomainError("STALE", STALE_MESSAGE);
      }
      if (!existing && input.reportId) throw new DomainError("STALE", STALE_MESSAGE);
      if (existing && !isEditable(existing.status)) {
        throw new DomainError("VALIDATION", "Laporan ini sudah dikirim dan tidak dapat diubah, kecuali dikembalikan Bagian Kerja Sama untuk perbaikan.");
      }
      if (send && period.isFinal) {
        const document = existing
          ? await tx.document.count({ where: { reportId: existing.id, type: "LAPORAN_AKHIR", deletedAt: null } })
          : 0;
        if (document === 0) {
          throw new DomainError("VALIDATION", "Unggah dokumen laporan akhir (PDF yang ditandatangani Kepala OPD) sebelum mengirim laporan akhir: simpan draf, unggah, lalu kirim.");
        }
      }
      const status: ReportStatus = send ? "DIAJUKAN" : existing?.status ?? "DRAF";
      const sent = send ? { submittedAt: now, submittedById: actor.id } : {};
      let id: string;
      let version: number;
      if (existing) {
        const updated = await tx.monitoringReport.updateMany({
          where: { id: existing.id, version: existing.version, status: { in: [...EDITABLE_STATUSES] } },
          data: { ...fields, ...sent, status, version: { increment: 1 }, updatedAt: now },
        });
        if (updated.count === 0) throw new DomainError("STALE", STALE_MESSAGE);
        ({ id } = existing);
        version = existing.version + 1;
      } else {
        const created = await tx.monitoringReport.create({
          data: {
            ...key, ...fields, ...sent, caseId: c.id, periodEnd: period.end, periodLabel: period.label, status,
            submittedById: actor.id, createdAt: now, updatedAt: now,
          },
          select: { id: true, version: true },
        });
        ({ id, version } = created);
      }
      if (send) {
        // Evidence sent with the report is read-only from now on; the agreement shows its last report.
        await tx.document.updateMany({ where: { reportId: id, deletedAt: null, locked: false }, data: { locked: true } });
        await tx.agreement.update({ where: { id: agreement.id }, data: { lastReportAt: now } });
        // The dashboard's "Tanpa Laporan" / "terlambat" of this case follow at once (lib/dashboard/monev-flags.ts).
        await writeMonevFlags(tx, { now, caseIds: [c.id] });
      }
      const action: AuditAction = !send ? "report.saveDraft" : existing?.status === "DIKEMBALIKAN" ? "report.resubmit" : "report.submit";
      await auditReport(tx, actor.id, action, id, {
        caseId: c.id, agreementId: agreement.id, period: period.key, label: period.label, status, version,
      }, now);
      return { id, status, version, caseId: c.id, period: period.key };
    }, TX_OPTIONS);
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError("STALE", STALE_MESSAGE);
    throw error;
  }
}

type ReviewBase = { actor: CurrentUser; now: Date; reportId: string; expectedVersion: number };

/** The sent report the actor may review (scoped through its case), else NOT_FOUND / FORBIDDEN. */
async function loadForReview(actor: CurrentUser, reportId: string) {
  const report = await getDb().monitoringReport.findFirst({
    where: { id: reportId, deletedAt: null },
    select: { id: true, status: true, version: true, caseId: true, agreementId: true, periodStart: true, isFinal: true, periodLabel: true },
  });
  const c = report ? await loadReportCase(getDb(), actor, report.caseId) : null;
  if (!report || !c) throw new DomainError("NOT_FOUND", REPORT_NOT_FOUND);
  if (!mayReviewReports(actor, c)) throw new DomainError("FORBIDDEN", "Anda tidak berwenang menelaah laporan pelaksanaan.");
  if (report.status !== "DIAJUKAN") {
    throw new DomainError("VALIDATION", report.status === "DITINJAU"
      ? "Laporan ini sudah ditelaah."
      : "Hanya laporan yang sudah dikirim OPD yang dapat ditelaah.");
  }
  return report;
}

async function closeReview(
  { actor, now, reportId, expectedVersion }: ReviewBase,
  data: Prisma.MonitoringReportUncheckedUpdateManyInput,
  action: "report.review" | "report.return",
  details: Prisma.InputJsonObject,
): Promise<ReportResult> {
  const report = await loadForReview(actor, reportId);
  if (report.version !== expectedVersion) throw new DomainError("STALE", STALE_MESSAGE);
  return getDb().$transaction(async (tx) => {
    const updated = await tx.monitoringReport.updateMany({
      where: { id: report.id, version: expectedVersion, status: "DIAJUKAN" },
      data: { ...data, version: { increment: 1 }, updatedAt: now },
    });
    if (updated.count === 0) throw new DomainError("STALE", STALE_MESSAGE);
    const status = data.status as ReportStatus;
    // A returned report is due again: the case's monev flags (and the OPD's count) follow at once.
    if (status === "DIKEMBALIKAN") await writeMonevFlags(tx, { now, caseIds: [report.caseId] });
    const period = report.isFinal ? FINAL_KEY : isoDate(report.periodStart);
    await auditReport(tx, actor.id, action, report.id, {
      caseId: report.caseId, agreementId: report.agreementId, period, label: report.periodLabel, status, ...details,
    }, now);
    return { id: report.id, status, version: expectedVersion + 1, caseId: report.caseId, period };
  }, TX_OPTIONS);
}

/** Bagian Kerja Sama's review of a sent report: a rating 1–5 and a note. A reviewed report is final. */
export async function reviewReport(req: ReviewBase & { rating: number; note: string }) {
  const note = req.note?.trim() ?? "";
  const problems: Record<string, string> = {};
  if (!Number.isInteger(req.rating) || req.rating < RATING_MIN || req.rating > RATING_MAX) problems.rating = "Nilai harus 1 sampai 5.";
  if (!note) problems.reviewNote = "Catatan telaah wajib diisi.";
  if (Object.keys(problems).length > 0) throw new DomainError("VALIDATION", Object.values(problems)[0], problems);
  return closeReview(req, {
    status: "DITINJAU", rating: req.rating, reviewNote: note, reviewedById: req.actor.id, reviewedAt: req.now,
  }, "report.review", { rating: req.rating, note });
}

/** Bagian Kerja Sama returns a sent report to the OPD for revision, with the reason. */
export async function returnReport(req: ReviewBase & { reason: string }) {
  const reason = req.reason?.trim() ?? "";
  if (reason.length < 10) {
    throw new DomainError("VALIDATION", "Alasan pengembalian wajib diisi (minimal 10 karakter).", {
      reason: "Alasan pengembalian wajib diisi (minimal 10 karakter).",
    });
  }
  return closeReview(req, { status: "DIKEMBALIKAN", returnReason: reason, returnedAt: req.now }, "report.return", { reason });
}
