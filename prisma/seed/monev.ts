// Monitoring reports (triwulan), their documents, TKKSD opinions and reminder notifications.
// Some active agreements deliberately miss the last period ("Tanpa Laporan").
import type { Realization, ReportRecommendation, ReportStatus, TkksdOpinionValue } from "../../lib/generated/prisma/enums";
import { DEFAULT_SETTINGS } from "../../lib/settings/defaults";
import type { AgreementPlan } from "./agreements";
import { tanggal } from "./content";
import { fileName, docOffice, type DocPlan } from "./documents";
import { opdId } from "./opds";
import { addDays, addMinutes, hash, wibDate, wibMidnight, type Timeline } from "./timeline";
import type { CaseSpec } from "./types";
import { TKKSD_MEMBERS, kepalaOf, operatorOf, userByUsername, type UserSeed } from "./users";

const ROMAN = ["I", "II", "III", "IV"];
const DAY = 86_400_000;

export type ReportPlan = {
  id: string; agreementId: string; caseId: string; periodStart: Date; periodEnd: Date; periodLabel: string; isFinal: boolean;
  realization: Realization; outputAchieved: string; benefits: string | null; obstacles: string | null; followUp: string | null;
  recommendation: ReportRecommendation; status: ReportStatus; submittedById: string; submittedAt: Date | null;
  reviewedById: string | null; reviewedAt: Date | null; rating: number | null; reviewNote: string | null; createdAt: Date; updatedAt: Date;
};

type Quarter = { year: number; q: number; start: Date; end: Date };
function quarterOf(d: Date): Quarter {
  const year = d.getUTCFullYear();
  const q = Math.floor(d.getUTCMonth() / 3);
  return { year, q, start: new Date(Date.UTC(year, q * 3, 1)), end: new Date(Date.UTC(year, q * 3 + 3, 0)) };
}
const nextQuarter = (q: Quarter) => quarterOf(new Date(Date.UTC(q.year, q.q * 3 + 3, 1)));

export function planReports(spec: CaseSpec, tl: Timeline, plans: AgreementPlan[], now: Date): ReportPlan[] {
  const op = plans.find((p) => ["PKS", "NK", "MOU"].includes(p.type) && p.signedAt);
  if (!op?.startDate || !op.endDate) return [];
  const today = wibDate(now);
  const slug = spec.id.replace(/^case-/, "");
  const operator = operatorOf(spec.opd);
  const monev = spec.monev ?? {
    outputs: ["Kegiatan terlaksana sesuai rencana kerja", "Koordinasi teknis para pihak berjalan rutin"],
    obstacles: ["Penyesuaian jadwal kegiatan dengan agenda mitra"],
  };
  const limit = new Date(Math.min(op.endDate.getTime(), (op.terminatedAt ?? op.endDate).getTime()));
  const periods: { q: Quarter; start: Date; end: Date }[] = [];
  for (let q = quarterOf(op.startDate); q.start <= limit; q = nextQuarter(q)) {
    const end = q.end < limit ? q.end : limit;
    if (end < today) periods.push({ q, start: q.start < op.startDate ? op.startDate : q.start, end });
  }
  let kept = periods.slice(-6);
  const lastCompleted = quarterOf(addDays(quarterOf(today).start, -1));
  if (spec.skipLastReport && kept.at(-1)?.q.start.getTime() === lastCompleted.start.getTime()) kept = kept.slice(0, -1);
  if (spec.stage === "DIAKHIRI") kept = kept.slice(0, -2);
  const registered = tl.times[tl.path.indexOf("PELAKSANAAN")];
  const reports: ReportPlan[] = [];
  kept.forEach(({ q, start, end }, k) => {
    const h = hash(`${spec.id}:${q.year}:${q.q}`);
    let submittedAt: Date | null = new Date(wibMidnight(addDays(end, 6 + (h % 9))).getTime() + (9 + (h % 5)) * 3_600_000);
    if (submittedAt < registered) return;
    if (submittedAt >= now) submittedAt = null;
    const fromEnd = kept.length - 1 - k;
    const poor = spec.stage === "DIAKHIRI" ? fromEnd <= 1 : h % 4 === 0;
    const realization: Realization = spec.stage === "DIAKHIRI" && fromEnd === 0 ? "TIDAK" : poor ? "SEBAGIAN" : "PENUH";
    const recommendation: ReportRecommendation = realization === "TIDAK" ? "HENTIKAN" : realization === "SEBAGIAN" ? "PERBAIKI" : "LANJUTKAN";
    const latest = fromEnd === 0;
    const reviewed = submittedAt !== null && (!latest || h % 2 === 0) && submittedAt.getTime() + 10 * DAY < now.getTime();
    const reviewedAt = reviewed ? addDays(submittedAt!, 3 + (h % 6)) : null;
    const label = `Triwulan ${ROMAN[q.q]} ${q.year}`;
    reports.push({
      id: `rpt-${slug}-${q.year}-t${q.q + 1}`, agreementId: op.id, caseId: spec.id, periodStart: start, periodEnd: end,
      periodLabel: label, isFinal: false, realization,
      outputAchieved: monev.outputs[k % monev.outputs.length], benefits: spec.benefits,
      obstacles: realization === "PENUH" && k % 2 === 0 ? "Tidak ada kendala berarti." : monev.obstacles[k % monev.obstacles.length],
      followUp: realization === "PENUH" ? "Melanjutkan kegiatan sesuai rencana kerja triwulan berikutnya." : "Rapat koordinasi teknis dengan mitra dijadwalkan pada awal triwulan berikutnya.",
      recommendation, status: submittedAt === null ? "DRAF" : reviewed ? "DITINJAU" : "DIAJUKAN",
      submittedById: operator.id, submittedAt,
      reviewedById: reviewed ? userByUsername(h % 3 === 0 ? "kabag.ks" : "staf.ks").id : null, reviewedAt,
      rating: reviewed ? (realization === "PENUH" ? 4 + (h % 2) : realization === "SEBAGIAN" ? 3 : 1) : null,
      reviewNote: reviewed ? (realization === "PENUH" ? "Laporan lengkap dan didukung bukti kegiatan." : "Mohon lampirkan rencana tindak lanjut atas kendala yang dilaporkan.") : null,
      createdAt: addDays(end, 2), updatedAt: reviewedAt ?? submittedAt ?? addDays(end, 2),
    });
  });
  const berakhir = tl.path.indexOf("BERAKHIR");
  if (berakhir >= 0) {
    const done = spec.stage === "SELESAI";
    const submittedAt = done ? addDays(tl.times[berakhir], 12) : null;
    const reviewedAt = done ? addMinutes(tl.times[berakhir + 1], -24 * 60) : null;
    reports.push({
      id: `rpt-${slug}-akhir`, agreementId: op.id, caseId: spec.id, periodStart: op.startDate, periodEnd: op.endDate,
      periodLabel: "Laporan Akhir", isFinal: true, realization: "PENUH",
      outputAchieved: `Seluruh ruang lingkup terlaksana. ${monev.outputs.join("; ")}.`, benefits: spec.benefits,
      obstacles: monev.obstacles.join("; "), followUp: "Kerja sama tidak diperpanjang; hasil dimanfaatkan dalam program reguler perangkat daerah.",
      recommendation: "LANJUTKAN", status: done ? "DITINJAU" : "DRAF", submittedById: operator.id, submittedAt,
      reviewedById: done ? userByUsername("kabag.ks").id : null, reviewedAt, rating: done ? 4 : null,
      reviewNote: done ? "Laporan akhir diterima; kerja sama dapat ditutup." : null,
      createdAt: addDays(tl.times[berakhir], 5), updatedAt: reviewedAt ?? addDays(tl.times[berakhir], 5),
    });
  }
  return reports;
}

/** LAPORAN_BERKALA / LAPORAN_AKHIR (+ bukti kegiatan for every other report) of submitted reports. */
export function reportDocuments(spec: CaseSpec, reports: ReportPlan[], stageLeftPelaksanaan: boolean): DocPlan[] {
  const docs: DocPlan[] = [];
  reports.filter((r) => r.submittedAt).forEach((r, k) => {
    const types = r.isFinal ? (["LAPORAN_AKHIR"] as const) : k % 2 === 0 ? (["LAPORAN_BERKALA", "BUKTI_KEGIATAN"] as const) : (["LAPORAN_BERKALA"] as const);
    types.forEach((type, j) => {
      const label = type === "LAPORAN_AKHIR" ? "Laporan Akhir Pelaksanaan" : type === "BUKTI_KEGIATAN" ? "Bukti Kegiatan" : "Laporan Pelaksanaan Berkala";
      docs.push({
        id: `doc-${r.id.replace(/^rpt-/, "")}-${type.toLowerCase().replaceAll("_", "-")}`, caseId: spec.id, agreementId: r.agreementId,
        reportId: r.id, stage: r.isFinal ? "BERAKHIR" : "PELAKSANAAN", type, version: 1, locked: stageLeftPelaksanaan || r.status === "DITINJAU",
        correctionReason: null, uploadedById: r.submittedById, uploadedAt: addMinutes(r.submittedAt!, -30 + j * 5),
        originalName: fileName(`${label} ${r.periodLabel}`, spec.short), office: docOffice(spec, type), label,
        lines: [`Periode: ${r.periodLabel} (${tanggal(r.periodStart)} s.d. ${tanggal(r.periodEnd)})`, `Realisasi: ${r.realization}`],
      });
    });
  });
  return docs;
}

const OPINION_NOTES: Record<TkksdOpinionValue, string[]> = {
  LAYAK: [
    "Sejalan dengan RPJMD dan kewenangan daerah; layak dilanjutkan.",
    "Aspek hukum terpenuhi; rancangan naskah agar memuat klausul pengakhiran dan keadaan kahar.",
    "Manfaat terukur; pembiayaan tersedia pada DPA perangkat daerah pelaksana.",
  ],
  PERBAIKAN: [
    "Perlu dilengkapi analisis manfaat dan risiko sebelum diputuskan.",
    "Ruang lingkup terlalu luas; mohon dirinci per kegiatan dan penanggung jawab.",
    "Skema pembiayaan belum jelas pembagiannya antarpihak.",
  ],
  TIDAK_LAYAK: [
    "Membebani keuangan daerah dalam jangka panjang tanpa jaminan manfaat.",
    "Risiko hukum dan fiskal lebih besar daripada manfaat yang ditawarkan.",
    "Tidak sejalan dengan prioritas pembangunan daerah saat ini.",
  ],
};

export function planOpinions(spec: CaseSpec, tl: Timeline, now: Date) {
  const rows: { id: string; caseId: string; memberId: string; opinion: TkksdOpinionValue; note: string; round: number; createdAt: Date }[] = [];
  let round = 0;
  tl.path.forEach((stage, i) => {
    if (stage !== "KAJIAN_TKKSD" && stage !== "ADENDUM_KAJIAN") return;
    round++;
    const next = tl.path[i + 1];
    const values: TkksdOpinionValue[] = next === undefined ? ["LAYAK", "PERBAIKAN"]
      : next === "DITOLAK" ? ["TIDAK_LAYAK", "TIDAK_LAYAK", "PERBAIKAN"]
      : next === "PERBAIKAN" ? ["PERBAIKAN", "PERBAIKAN", "LAYAK"]
      : ["LAYAK", "LAYAK", "LAYAK"];
    const end = next === undefined ? now : tl.times[i + 1];
    values.forEach((opinion, k) => {
      const at = new Date(tl.times[i].getTime() + ((end.getTime() - tl.times[i].getTime()) * (k + 1)) / (values.length + 1.5));
      const member = TKKSD_MEMBERS[k];
      const note = opinion === "TIDAK_LAYAK" && k === 0 && spec.reason ? spec.reason
        : opinion === "PERBAIKAN" && spec.tkksdReturn && next === "PERBAIKAN" && k === 0 ? spec.tkksdReturn
        : stage === "ADENDUM_KAJIAN" ? "Perubahan tidak menambah beban masyarakat; adendum layak ditandatangani."
        : OPINION_NOTES[opinion][(k + hash(spec.id)) % 3];
      rows.push({ id: `op-${spec.id.replace(/^case-/, "")}-r${round}-${k + 1}`, caseId: spec.id, memberId: member.id, opinion, note, round, createdAt: at });
    });
  });
  return rows;
}

export function planNotifications(spec: CaseSpec, tl: Timeline, plans: AgreementPlan[], reports: ReportPlan[], now: Date) {
  const rows: { id: string; userId: string; opdId: string; kind: "AKAN_BERAKHIR" | "LAPORAN_TERLAMBAT" | "KB_TANPA_PKS" | "TAHAPAN_BERUBAH"; caseId: string; agreementId: string | null; offsetDays: number | null; idempotencyKey: string; title: string; body: string; readAt: Date | null; createdAt: Date }[] = [];
  const operator = operatorOf(spec.opd);
  const today = wibDate(now);
  const slug = spec.id.replace(/^case-/, "");
  const op = plans.find((p) => ["PKS", "NK", "MOU"].includes(p.type) && p.status === "BERLAKU" && p.endDate);
  if (op) {
    const daysLeft = Math.round((op.endDate!.getTime() - today.getTime()) / DAY);
    const reached = DEFAULT_SETTINGS.reminderOffsetsDays.filter((o) => daysLeft <= o).sort((a, b) => b - a);
    reached.forEach((offset, k) => {
      const createdAt = new Date(wibMidnight(addDays(op.endDate!, -offset)).getTime() + 7 * 3_600_000);
      rows.push({
        id: `ntf-${slug}-berakhir-${offset}`, userId: operator.id, opdId: opdId(spec.opd), kind: "AKAN_BERAKHIR", caseId: spec.id,
        agreementId: op.id, offsetDays: offset, idempotencyKey: `AKAN_BERAKHIR:${op.id}:${offset}`,
        title: `Kerja sama berakhir dalam ${offset} hari`,
        body: `${op.type} Nomor ${op.ourNumber} (${spec.short}) berakhir pada ${tanggal(op.endDate!)}. Jika akan dilanjutkan, ajukan perpanjangan melalui SIKERDA sesuai prosedur yang berlaku.`,
        readAt: k < reached.length - 1 ? addDays(createdAt, 1) : null, createdAt,
      });
    });
    const lastCompleted = addDays(new Date(Date.UTC(today.getUTCFullYear(), Math.floor(today.getUTCMonth() / 3) * 3, 1)), -1);
    const hasLast = reports.some((r) => r.periodEnd.getTime() === lastCompleted.getTime() && r.submittedAt);
    const due = new Date(wibMidnight(addDays(lastCompleted, 15)).getTime() + 7 * 3_600_000);
    if (spec.skipLastReport && !hasLast && due < now && op.startDate! < lastCompleted) {
      const q = Math.floor(lastCompleted.getUTCMonth() / 3);
      rows.push({
        id: `ntf-${slug}-terlambat`, userId: operator.id, opdId: opdId(spec.opd), kind: "LAPORAN_TERLAMBAT", caseId: spec.id, agreementId: op.id,
        offsetDays: null, idempotencyKey: `LAPORAN_TERLAMBAT:${op.id}:${lastCompleted.getUTCFullYear()}-T${q + 1}`,
        title: `Laporan Triwulan ${ROMAN[q]} ${lastCompleted.getUTCFullYear()} belum disampaikan`,
        body: `Laporan pelaksanaan ${spec.short} untuk Triwulan ${ROMAN[q]} ${lastCompleted.getUTCFullYear()} telah melewati batas waktu.`,
        readAt: null, createdAt: due,
      });
    }
  }
  const kb = plans.find((p) => p.type === "KB" && p.status === "BERLAKU");
  if (kb && spec.draftNotStarted) {
    const months = DEFAULT_SETTINGS.kbWithoutPksMonths;
    const at = new Date(Date.UTC(kb.signedAt!.getUTCFullYear(), kb.signedAt!.getUTCMonth() + months, kb.signedAt!.getUTCDate(), 0));
    if (at < now) {
      rows.push({
        id: `ntf-${slug}-kb-tanpa-pks`, userId: operator.id, opdId: opdId(spec.opd), kind: "KB_TANPA_PKS", caseId: spec.id, agreementId: kb.id,
        offsetDays: null, idempotencyKey: `KB_TANPA_PKS:${kb.id}:${months}`, title: "Kesepakatan Bersama belum ditindaklanjuti PKS",
        body: `KB Nomor ${kb.ourNumber} ditandatangani ${tanggal(kb.signedAt!)} dan belum ditindaklanjuti Perjanjian Kerja Sama setelah ${months} bulan.`,
        readAt: null, createdAt: at,
      });
    }
  }
  const last = tl.path.length - 1;
  const recipients: Partial<Record<string, UserSeed>> = { PERSETUJUAN_OPD: kepalaOf(spec.opd), PERBAIKAN: operator, VERIFIKASI: userByUsername("staf.ks") };
  const recipient = recipients[tl.path[last]];
  if (recipient && now.getTime() - tl.times[last].getTime() < 14 * DAY) {
    rows.push({
      id: `ntf-${slug}-tahapan-${last}`, userId: recipient.id, opdId: opdId(spec.opd), kind: "TAHAPAN_BERUBAH", caseId: spec.id, agreementId: null,
      offsetDays: null, idempotencyKey: `TAHAPAN_BERUBAH:${spec.id}:${last}`, title: `Usulan "${spec.short}" menunggu tindakan Anda`,
      body: `Tahapan usulan berubah menjadi ${tl.path[last]} pada ${tanggal(wibDate(tl.times[last]))}.`, readAt: null, createdAt: addMinutes(tl.times[last], 1),
    });
  }
  return rows;
}
