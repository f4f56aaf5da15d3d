// Monitoring reports of the demo (domain §6), planned on the same periods the application computes
// (lib/reports/periods.ts), so every seeded report sits on a period of its agreement and the
// timeline shows each status: ditinjau, dikirim (one resent after a return), dikembalikan, a draft,
// terlambat ("Tanpa Laporan": skipLastReport), jatuh tempo (the laporan akhir of a case that ended
// recently) and belum jatuh tempo. A closed case (SELESAI) has its reviewed laporan akhir, as the
// closing guard requires. Also the evidence documents and the audit rows of each report's review cycle.
import type { DocumentType, Realization, ReportRecommendation, ReportStatus } from "../../lib/generated/prisma/enums";
import { finalPeriod, reportingPeriods, type ReportingPeriod } from "../../lib/reports/periods";
import { DEFAULT_SETTINGS } from "../../lib/settings/defaults";
import type { AgreementPlan } from "./agreements";
import { tanggal } from "./content";
import { docOffice, fileName, type DocPlan } from "./documents";
import { addDays, addMinutes, hash, wibDate, wibMidnight, type Timeline } from "./timeline";
import type { CaseSpec } from "./types";
import { operatorOf, userByUsername } from "./users";

const DAY = 86_400_000;

export type ReportPlan = {
  id: string; agreementId: string; caseId: string; periodStart: Date; periodEnd: Date; periodLabel: string; isFinal: boolean;
  realization: Realization; outputAchieved: string; benefits: string | null; obstacles: string | null; followUp: string | null;
  recommendation: ReportRecommendation; status: ReportStatus; submittedById: string; submittedAt: Date | null;
  reviewedById: string | null; reviewedAt: Date | null; rating: number | null; reviewNote: string | null;
  returnReason: string | null; returnedAt: Date | null; version: number; createdAt: Date; updatedAt: Date;
};

export type ReportAudit = { actorId: string; action: string; entity: "MonitoringReport"; entityId: string; data: Record<string, unknown>; createdAt: Date };

/** Demo stories for a few cases (the rest follow the default pattern below). */
const STORIES: Record<string, { lastCompleted?: "DIKEMBALIKAN" | "RESENT"; draftRunning?: boolean }> = {
  // operator.dinkes finds a returned report in "Laporan saya yang jatuh tempo" and a draft of the running period.
  "case-dinkes-rujukan-perbatasan": { lastCompleted: "DIKEMBALIKAN", draftRunning: true },
  // Bagian Kerja Sama's queue holds a report sent again after a return.
  "case-rsud-hemodialisis": { lastCompleted: "RESENT" },
};

const RETURN_REASON = "Lampirkan daftar hadir dan foto kegiatan, serta rincian capaian per kegiatan (jumlah peserta/layanan).";

/** The reported naskah: PKS, NK or MoU (lib/reports/rules REPORTED_TYPES), once signed with a period. */
const reportedOf = (plans: AgreementPlan[]) => plans.find((p) => ["PKS", "NK", "MOU"].includes(p.type) && p.signedAt && p.startDate && p.endDate);

const keyOf = (p: ReportingPeriod) => p.key;

export function planReports(spec: CaseSpec, tl: Timeline, plans: AgreementPlan[], now: Date): { reports: ReportPlan[]; audit: ReportAudit[] } {
  const op = reportedOf(plans);
  if (!op) return { reports: [], audit: [] };
  const today = wibDate(now);
  const slug = spec.id.replace(/^case-/, "");
  const operator = operatorOf(spec.opd);
  const staf = userByUsername("staf.ks");
  const kabag = userByUsername("kabag.ks");
  const story = STORIES[spec.id] ?? {};
  const monev = spec.monev ?? {
    outputs: ["Kegiatan terlaksana sesuai rencana kerja", "Koordinasi teknis para pihak berjalan rutin"],
    obstacles: ["Penyesuaian jadwal kegiatan dengan agenda mitra"],
  };
  const registered = tl.times[tl.path.indexOf("PELAKSANAAN")];
  // An archive agreement is reported from its registration on (lib/reports/context reportingFrom).
  const from = spec.archive ? wibDate(tl.times[0]) : null;
  const all = reportingPeriods(op, DEFAULT_SETTINGS.monevPeriod, { from });
  // Periods whose last day has come (their report may be sent); reporting stops with a pengakhiran.
  const limit = op.terminatedAt ?? op.endDate!;
  const completed = all.filter((p) => p.end.getTime() <= today.getTime() && p.start.getTime() <= limit.getTime());
  const running = all.find((p) => p.start.getTime() <= today.getTime() && p.end.getTime() > today.getTime());

  const reports: ReportPlan[] = [];
  const audit: ReportAudit[] = [];
  const log = (actorId: string, action: string, r: ReportPlan, at: Date, data: Record<string, unknown> = {}) =>
    audit.push({
      actorId, action, entity: "MonitoringReport", entityId: r.id, createdAt: at,
      data: { caseId: r.caseId, agreementId: r.agreementId, period: r.isFinal ? "akhir" : r.periodStart.toISOString().slice(0, 10), label: r.periodLabel, ...data },
    });

  const base = (p: ReportingPeriod, k: number, realization: Realization) => ({
    id: `rpt-${slug}-${keyOf(p)}`, agreementId: op.id, caseId: spec.id, periodStart: p.start, periodEnd: p.end,
    periodLabel: p.label, isFinal: p.isFinal, realization,
    outputAchieved: monev.outputs[k % monev.outputs.length], benefits: spec.benefits,
    obstacles: realization === "PENUH" && k % 2 === 0 ? "Tidak ada kendala berarti." : monev.obstacles[k % monev.obstacles.length],
    followUp: realization === "PENUH"
      ? "Melanjutkan kegiatan sesuai rencana kerja periode berikutnya."
      : "Rapat koordinasi teknis dengan mitra dijadwalkan pada awal periode berikutnya.",
    recommendation: (realization === "TIDAK" ? "HENTIKAN" : realization === "SEBAGIAN" ? "PERBAIKI" : "LANJUTKAN") as ReportRecommendation,
    submittedById: operator.id,
  });

  completed.forEach((p, k) => {
    const h = hash(`${spec.id}:${p.key}`);
    const fromEnd = completed.length - 1 - k;
    let submittedAt: Date | null = new Date(wibMidnight(addDays(p.end, 3 + (h % 7))).getTime() + (9 + (h % 5)) * 3_600_000);
    if (submittedAt < registered) return;
    if (fromEnd === 0 && spec.skipLastReport) return;
    if (submittedAt >= now) submittedAt = null;
    const poor = spec.stage === "DIAKHIRI" ? fromEnd <= 1 : h % 4 === 0;
    const realization: Realization = spec.stage === "DIAKHIRI" && fromEnd === 0 ? "TIDAK" : poor ? "SEBAGIAN" : "PENUH";
    const created = addDays(p.end, 1);
    const r: ReportPlan = {
      ...base(p, k, realization), status: "DRAF", submittedAt: null, reviewedById: null, reviewedAt: null, rating: null,
      reviewNote: null, returnReason: null, returnedAt: null, version: 0, createdAt: created, updatedAt: created,
    };
    if (submittedAt) {
      r.status = "DIAJUKAN";
      r.submittedAt = submittedAt;
      r.version = 1;
      log(operator.id, "report.submit", r, submittedAt);
      const reviewer = h % 3 === 0 ? kabag : staf;
      const latest = fromEnd === 0;
      const story0 = latest ? story.lastCompleted : undefined;
      if (story0 === "DIKEMBALIKAN" || story0 === "RESENT") {
        const returnedAt = addDays(submittedAt, 2);
        r.status = "DIKEMBALIKAN";
        r.returnReason = RETURN_REASON;
        r.returnedAt = returnedAt;
        r.version = 2;
        log(staf.id, "report.return", r, returnedAt, { status: "DIKEMBALIKAN", reason: RETURN_REASON });
        const resentAt = addDays(returnedAt, 3);
        if (story0 === "RESENT" && resentAt < now) {
          r.status = "DIAJUKAN";
          r.submittedAt = resentAt;
          r.version = 3;
          r.outputAchieved = `${r.outputAchieved}; daftar hadir dan foto kegiatan dilampirkan.`;
          log(operator.id, "report.resubmit", r, resentAt, { status: "DIAJUKAN" });
        }
      } else {
        const reviewedAt = addDays(submittedAt, 3 + (h % 6));
        if ((!latest || h % 2 === 0) && reviewedAt < now) {
          r.status = "DITINJAU";
          r.reviewedById = reviewer.id;
          r.reviewedAt = reviewedAt;
          r.rating = realization === "PENUH" ? 4 + (h % 2) : realization === "SEBAGIAN" ? 3 : 1;
          r.reviewNote = realization === "PENUH"
            ? "Laporan lengkap dan didukung bukti kegiatan."
            : "Mohon rencana tindak lanjut atas kendala yang dilaporkan dijalankan pada periode berikutnya.";
          r.version = 2;
          log(reviewer.id, "report.review", r, reviewedAt, { status: "DITINJAU", rating: r.rating, note: r.reviewNote });
        }
      }
    }
    r.updatedAt = r.reviewedAt ?? r.returnedAt ?? r.submittedAt ?? r.createdAt;
    reports.push(r);
  });

  if (story.draftRunning && running && spec.stage === "PELAKSANAAN") {
    const created = addDays(running.start, Math.max(1, Math.min(20, Math.floor((today.getTime() - running.start.getTime()) / DAY))));
    const at = created < now ? created : addMinutes(now, -60);
    reports.push({
      ...base(running, completed.length, "SEBAGIAN"), id: `rpt-${slug}-${keyOf(running)}`, status: "DRAF", submittedAt: null,
      outputAchieved: "Rujukan terpadu tahap pertama berjalan; tahap kedua dijadwalkan akhir periode.",
      reviewedById: null, reviewedAt: null, rating: null, reviewNote: null, returnReason: null, returnedAt: null, version: 0,
      createdAt: at, updatedAt: at,
    });
  }

  const berakhir = tl.path.indexOf("BERAKHIR");
  if (berakhir >= 0) {
    const final = finalPeriod(op, all)!;
    const done = spec.stage === "SELESAI";
    const created = addDays(tl.times[berakhir], 5);
    const r: ReportPlan = {
      ...base(final, 0, "PENUH"), id: `rpt-${slug}-akhir`,
      outputAchieved: `Seluruh ruang lingkup terlaksana. ${monev.outputs.join("; ")}.`,
      obstacles: monev.obstacles.join("; "),
      followUp: "Kerja sama tidak diperpanjang; hasil dimanfaatkan dalam program reguler perangkat daerah.",
      status: "DRAF", submittedAt: null, reviewedById: null, reviewedAt: null, rating: null, reviewNote: null,
      returnReason: null, returnedAt: null, version: 0, createdAt: created, updatedAt: created,
    };
    if (done) {
      const submittedAt = addDays(tl.times[berakhir], 12);
      const reviewedAt = addMinutes(tl.times[berakhir + 1], -24 * 60);
      Object.assign(r, {
        status: "DITINJAU", submittedAt, reviewedById: kabag.id, reviewedAt, rating: 4,
        reviewNote: "Laporan akhir diterima; kerja sama dapat ditutup.", version: 2, updatedAt: reviewedAt,
      });
      log(operator.id, "report.submit", r, submittedAt);
      log(kabag.id, "report.review", r, reviewedAt, { status: "DITINJAU", rating: 4, note: r.reviewNote });
    }
    reports.push(r);
  }
  return { reports, audit };
}

/** LAPORAN_BERKALA / LAPORAN_AKHIR (+ bukti kegiatan for every other report); evidence sent with a report is locked. */
export function reportDocuments(spec: CaseSpec, reports: ReportPlan[], stageLeftPelaksanaan: boolean): DocPlan[] {
  const docs: DocPlan[] = [];
  const versions = new Map<DocumentType, number>();
  const next = (t: DocumentType) => {
    versions.set(t, (versions.get(t) ?? 0) + 1);
    return versions.get(t)!;
  };
  reports.forEach((r, k) => {
    const sent = r.submittedAt !== null;
    const types: DocumentType[] = r.isFinal
      ? (sent ? ["LAPORAN_AKHIR"] : [])
      : sent ? (k % 2 === 0 ? ["LAPORAN_BERKALA", "BUKTI_KEGIATAN"] : ["LAPORAN_BERKALA"])
        // A draft of the running period with one photo report not sent yet.
        : r.status === "DRAF" && r.createdAt.getTime() > r.periodStart.getTime() ? ["BUKTI_KEGIATAN"] : [];
    types.forEach((type, j) => {
      const label = type === "LAPORAN_AKHIR" ? "Laporan Akhir Pelaksanaan" : type === "BUKTI_KEGIATAN" ? "Bukti Kegiatan" : "Laporan Pelaksanaan Berkala";
      const uploadedAt = sent ? addMinutes(r.submittedAt!, -30 + j * 5) : addMinutes(r.createdAt, 15);
      docs.push({
        id: `doc-${r.id.replace(/^rpt-/, "")}-${type.toLowerCase().replaceAll("_", "-")}`, caseId: spec.id, agreementId: r.agreementId,
        reportId: r.id, stage: r.isFinal ? "BERAKHIR" : "PELAKSANAAN", type, version: next(type), locked: sent || stageLeftPelaksanaan,
        correctionReason: null, uploadedById: r.submittedById, uploadedAt,
        originalName: fileName(`${label} ${r.periodLabel}`, spec.short), office: docOffice(spec, type), label,
        lines: [`Periode: ${r.periodLabel} (${tanggal(r.periodStart)} s.d. ${tanggal(r.periodEnd)})`, `Realisasi: ${r.realization}`],
      });
    });
  });
  return docs;
}
