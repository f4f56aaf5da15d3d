// The columns of the rekap (domain.md §6: what Kemendagri asks for per agreement, reported upward
// by the Kepala Daerah through the Gubernur). Pure: one rekap row → cells. Dates stay Date values
// (Excel gets real dates); naskahText()/tanggal() give the printed forms the PDF uses.
import { AGREEMENT_TYPE_LABELS, FUNDING_SOURCE_LABELS, KSDD_NATURE_LABELS, KSDPK_FORM_LABELS, PARTNER_CLASS_LABELS, SIGNER_TYPE_LABELS } from "@/components/cases/labels";
import { REALIZATION_LABELS, RECOMMENDATION_LABELS } from "@/components/reports/labels";
import { formatRupiah, formatTanggal } from "@/lib/format";
import type { RekapNaskah, RekapRow } from "@/lib/rekap/query";
import { isAgreementState, registerState, registerStateLabel } from "@/lib/register/status";
import { KIND_LABELS, stageLabel } from "@/lib/workflow/stages";

export type Cell = string | number | Date | null;
export type RekapContext = { today: Date; endingSoonDays: number };
export type RekapColumn = { header: string; width: number; date?: boolean; money?: boolean; cell: (r: RekapRow, ctx: RekapContext) => Cell };

/** A date-only value (stored as UTC midnight) as "21 November 2023". */
export const tanggal = (d: Date | null): string => (d ? formatTanggal(d, "UTC") : "");

/** "PKS 180/12/KS/2025 | 45/MITRA/2025, 21 November 2025" (our number | partner's number, date). */
export function naskahText(n: Pick<RekapNaskah, "type" | "ourNumber" | "partnerNumber" | "signedAt" | "version">): string {
  const numbers = [n.ourNumber ?? "—", n.partnerNumber ?? "—"].join(" | ");
  const version = n.type === "ADENDUM" ? ` (versi ${n.version})` : "";
  return `${n.type}${version} ${numbers}${n.signedAt ? `, ${tanggal(n.signedAt)}` : ""}`;
}

export function jenisDetail(r: RekapRow): string | null {
  if (r.ksddNature) return KSDD_NATURE_LABELS[r.ksddNature];
  if (r.ksdpkForm) return KSDPK_FORM_LABELS[r.ksdpkForm];
  return null;
}

export function statusText(r: RekapRow, ctx: RekapContext): string {
  const state = registerState(r, ctx.today, ctx.endingSoonDays);
  return isAgreementState(state) ? registerStateLabel(state, ctx.endingSoonDays) : `Dalam proses: ${stageLabel(r.stage, r.initiator)}`;
}

export function signerText(r: RekapRow): string | null {
  if (!r.signerType) return null;
  const who = [r.signerName, r.signerPosition].filter(Boolean).join(", ");
  return who ? `${SIGNER_TYPE_LABELS[r.signerType]}: ${who}` : SIGNER_TYPE_LABELS[r.signerType];
}

/** Persetujuan DPRD: "Ya — 12/DPRD/2025, 3 Maret 2025" / "Ya — belum dicatat" / "Tidak perlu". */
export function dprdText(r: RekapRow): string {
  if (r.dprdDecisionNumber) return `Ya — ${r.dprdDecisionNumber}${r.dprdDecisionDate ? `, ${tanggal(r.dprdDecisionDate)}` : ""}`;
  if (r.requiresDprd) return r.mainStatus === "DITOLAK_DPRD" ? "Tidak (ditolak DPRD)" : "Ya — belum dicatat";
  return "Tidak perlu";
}

export function fundingText(r: RekapRow): string | null {
  const source = r.fundingSource ? FUNDING_SOURCE_LABELS[r.fundingSource] : null;
  const amount = r.fundingAmount !== null && Number(r.fundingAmount) > 0 ? formatRupiah(r.fundingAmount) : null;
  return [source, amount].filter(Boolean).join(", ") || null;
}

export function parentText(r: RekapRow): string | null {
  const parts: string[] = [];
  if (r.parentNaskah) parts.push(`Turunan ${r.parentNaskah.type} ${r.parentNaskah.ourNumber ?? ""}`.trim());
  if (r.extendsCode) parts.push(`Perpanjangan dari ${r.extendsCode}`);
  return parts.join("; ") || null;
}

/** Province, and the country when it is not Indonesia (domain §6: "province/country"). */
export const partnerPlace = (r: Pick<RekapRow, "partnerProvince" | "partnerCountry">): string | null =>
  [r.partnerProvince, r.partnerCountry && r.partnerCountry !== "Indonesia" ? r.partnerCountry : null].filter(Boolean).join(", ") || null;

export const REKAP_COLUMNS: readonly RekapColumn[] = [
  { header: "Kode", width: 16, cell: (r) => r.code },
  { header: "Judul Kerja Sama", width: 44, cell: (r) => r.title },
  { header: "Jenis", width: 10, cell: (r) => r.kind },
  { header: "Keterangan Jenis", width: 30, cell: (r) => KIND_LABELS[r.kind] },
  { header: "Sifat/Bentuk", width: 24, cell: (r) => jenisDetail(r) },
  { header: "Mitra", width: 34, cell: (r) => r.partnerName },
  { header: "Kelas Mitra", width: 26, cell: (r) => (r.partnerClass ? PARTNER_CLASS_LABELS[r.partnerClass] : null) },
  { header: "Provinsi/Negara Mitra", width: 22, cell: (r) => partnerPlace(r) },
  { header: "Urusan Pemerintahan", width: 24, cell: (r) => r.governmentAffair },
  { header: "Objek Kerja Sama", width: 36, cell: (r) => r.subject },
  { header: "Ruang Lingkup", width: 40, cell: (r) => r.scope },
  { header: "OPD Pelaksana", width: 32, cell: (r) => r.opdName },
  { header: "Naskah Utama", width: 24, cell: (r) => (r.mainType ? AGREEMENT_TYPE_LABELS[r.mainType] : null) },
  { header: "Nomor Pihak Daerah", width: 24, cell: (r) => r.mainOurNumber },
  { header: "Nomor Pihak Mitra", width: 24, cell: (r) => r.mainPartnerNumber },
  { header: "Tanggal Tanda Tangan", width: 14, date: true, cell: (r) => r.mainSignedAt },
  { header: "Seluruh Naskah (nomor daerah | mitra, tanggal)", width: 48, cell: (r) => r.naskah.map(naskahText).join("\n") || null },
  { header: "Tanggal Mulai", width: 14, date: true, cell: (r) => r.mainStartDate },
  { header: "Tanggal Berakhir", width: 14, date: true, cell: (r) => r.mainEndDate },
  { header: "Status", width: 24, cell: (r, ctx) => statusText(r, ctx) },
  { header: "Penandatangan", width: 34, cell: (r) => signerText(r) },
  { header: "Persetujuan DPRD", width: 28, cell: (r) => dprdText(r) },
  { header: "Sumber Pendanaan", width: 16, cell: (r) => (r.fundingSource ? FUNDING_SOURCE_LABELS[r.fundingSource] : null) },
  { header: "Nilai Pendanaan (Rp)", width: 18, money: true, cell: (r) => (r.fundingAmount === null ? null : Number(r.fundingAmount)) },
  { header: "Induk / Perpanjangan", width: 30, cell: (r) => parentText(r) },
  { header: "Laporan Terakhir (periode)", width: 22, cell: (r) => r.lastReport?.periodLabel ?? null },
  { header: "Realisasi", width: 20, cell: (r) => (r.lastReport ? REALIZATION_LABELS[r.lastReport.realization] : null) },
  { header: "Capaian Output", width: 40, cell: (r) => r.lastReport?.outputAchieved ?? null },
  { header: "Kendala", width: 36, cell: (r) => r.lastReport?.obstacles ?? null },
  { header: "Rekomendasi", width: 22, cell: (r) => (r.lastReport ? RECOMMENDATION_LABELS[r.lastReport.recommendation] : null) },
];

/**
 * Spreadsheet formula injection (OWASP): text a spreadsheet would read as a formula is prefixed with
 * an apostrophe. exceljs writes strings as strings, this guards copies pasted elsewhere too.
 */
const formulaSafe = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

export function rekapRecord(row: RekapRow, ctx: RekapContext): Cell[] {
  return REKAP_COLUMNS.map((c) => {
    const v = c.cell(row, ctx);
    return typeof v === "string" ? formulaSafe(v) : v;
  });
}
