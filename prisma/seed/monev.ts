// TKKSD opinions and reminder notifications (the monitoring reports themselves: ./reports.ts).
// Some active agreements deliberately miss the last period ("Tanpa Laporan").
import { STAGE_LABELS } from "../../lib/workflow/stages";
import type { TkksdOpinionValue } from "../../lib/generated/prisma/enums";
import { DEFAULT_SETTINGS } from "../../lib/settings/defaults";
import type { AgreementPlan } from "./agreements";
import { tanggal } from "./content";
import { opdId } from "./opds";
import type { ReportPlan } from "./reports";
import { addDays, addMinutes, hash, wibDate, wibMidnight, type Timeline } from "./timeline";
import type { CaseSpec } from "./types";
import { TKKSD_MEMBERS, kepalaOf, operatorOf, userByUsername, type UserSeed } from "./users";

const ROMAN = ["I", "II", "III", "IV"];
const DAY = 86_400_000;

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
        agreementId: op.id, offsetDays: offset, idempotencyKey: `AKAN_BERAKHIR:${op.id}:${offset}:${operator.id}`,
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
        offsetDays: null, idempotencyKey: `LAPORAN_TERLAMBAT:${op.id}:${lastCompleted.getUTCFullYear()}-${String(q * 3 + 1).padStart(2, "0")}-01:${operator.id}`,
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
        offsetDays: null, idempotencyKey: `KB_TANPA_PKS:${kb.id}:${months}:${operator.id}`, title: "Kesepakatan Bersama belum ditindaklanjuti PKS",
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
      body: `Tahapan usulan berubah menjadi ${STAGE_LABELS[tl.path[last] as keyof typeof STAGE_LABELS]} pada ${tanggal(wibDate(tl.times[last]))}.`, readAt: null, createdAt: addMinutes(tl.times[last], 1),
    });
  }
  return rows;
}
