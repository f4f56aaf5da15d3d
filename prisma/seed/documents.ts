// Placeholder documents: for every stage a case has passed, one PDF per required type
// (DEFAULT_SETTINGS.requiredDocuments, locked), part of the current stage's set (unlocked), and
// the extras domain §8 lists (undangan/daftar hadir TKKSD, legal documents, surat kuasa …).
import type { DocumentType, Stage } from "../../lib/generated/prisma/enums";
import { DEFAULT_SETTINGS } from "../../lib/settings/defaults";
import type { AgreementPlan } from "./agreements";
import { opdByKey } from "./opds";
import { partnerById } from "./partners";
import { TERMINAL, addMinutes, hash, type Timeline } from "./timeline";
import type { CaseSpec } from "./types";
import { operatorOf, userByUsername } from "./users";

export const DOC_LABEL: Record<DocumentType, string> = {
  KAK: "Kerangka Acuan Kerja (KAK)", STUDI_KELAYAKAN: "Studi Kelayakan", SK_PPKSD: "SK Penunjukan Petugas Penghubung Kerja Sama Daerah",
  SURAT_INISIASI: "Surat Usulan Kerja Sama Kepala Perangkat Daerah", SURAT_PENAWARAN_MITRA: "Surat Penawaran Kerja Sama dari Mitra",
  DISPOSISI: "Lembar Disposisi", UNDANGAN_TKKSD: "Undangan Rapat TKKSD", DAFTAR_HADIR_TKKSD: "Daftar Hadir Rapat TKKSD",
  BERITA_ACARA_TKKSD: "Berita Acara Rapat TKKSD", SURAT_PENAWARAN: "Surat Penawaran Kerja Sama Bupati", SURAT_JAWABAN: "Surat Jawaban Mitra",
  DOKUMEN_LEGAL_MITRA: "Dokumen Legalitas Mitra (Akta, NIB, SK)", DRAF_KB: "Rancangan Kesepakatan Bersama",
  KB_DITANDATANGANI: "Kesepakatan Bersama (ditandatangani)", SURAT_PERMOHONAN_DPRD: "Surat Permohonan Persetujuan DPRD",
  PERSETUJUAN_DPRD: "Keputusan DPRD tentang Persetujuan Kerja Sama", DRAF_PKS: "Rancangan Perjanjian Kerja Sama",
  PKS_DITANDATANGANI: "Perjanjian Kerja Sama (ditandatangani)", SURAT_KUASA: "Surat Kuasa Bupati", DRAF_NK: "Rancangan Nota Kesepakatan",
  RENCANA_KERJA: "Rencana Kerja", NK_DITANDATANGANI: "Nota Kesepakatan (ditandatangani)", LOI: "Letter of Intent (ditandatangani)",
  DATA_POTENSI_DAERAH: "Data Potensi Daerah", DATA_POTENSI_KERJA_SAMA: "Data Potensi Kerja Sama", KAJIAN_PAKAR: "Kajian Pakar",
  RENCANA_AKSI: "Rencana Aksi", HASIL_KONSULTASI_KEMENDAGRI: "Hasil Konsultasi Kementerian Dalam Negeri",
  HASIL_PEMBAHASAN_INTERKEMENTERIAN: "Hasil Pembahasan Interkementerian", PERSETUJUAN_PUSAT: "Persetujuan Menteri Dalam Negeri",
  FULL_POWER: "Surat Kuasa Penuh (Full Power) Menteri Luar Negeri", DRAF_MOU: "Rancangan MoU", MOU_DITANDATANGANI: "MoU (ditandatangani)",
  DRAF_ADENDUM: "Rancangan Adendum", ADENDUM_DITANDATANGANI: "Adendum (ditandatangani)", LAPORAN_BERKALA: "Laporan Pelaksanaan Berkala",
  BUKTI_KEGIATAN: "Bukti Kegiatan", LAPORAN_AKHIR: "Laporan Akhir Pelaksanaan", BERITA_ACARA_PENGAKHIRAN: "Berita Acara Pengakhiran Kerja Sama",
  SURAT_PEMBERITAHUAN_PENGAKHIRAN: "Surat Pemberitahuan Pengakhiran", LAINNYA: "Dokumen Lainnya",
};

export type DocPlan = {
  id: string; caseId: string; agreementId: string | null; reportId: string | null;
  stage: Stage; type: DocumentType; version: number; locked: boolean; correctionReason: string | null;
  uploadedById: string; uploadedAt: Date; originalName: string;
  /** PDF text. */
  office: string; label: string; lines: string[];
};

/** Documents the current stage usually has before it can be left: signed results arrive last. */
const ARRIVES_LAST = new Set<DocumentType>([
  "KB_DITANDATANGANI", "PKS_DITANDATANGANI", "NK_DITANDATANGANI", "MOU_DITANDATANGANI", "LOI", "PERSETUJUAN_DPRD",
  "PERSETUJUAN_PUSAT", "HASIL_KONSULTASI_KEMENDAGRI", "HASIL_PEMBAHASAN_INTERKEMENTERIAN", "BERITA_ACARA_TKKSD",
]);
const OPD_TYPES = new Set<DocumentType>(["KAK", "STUDI_KELAYAKAN", "SK_PPKSD", "SURAT_INISIASI", "LAPORAN_BERKALA", "BUKTI_KEGIATAN", "LAPORAN_AKHIR"]);
const PARTNER_TYPES = new Set<DocumentType>(["SURAT_PENAWARAN_MITRA", "DOKUMEN_LEGAL_MITRA", "SURAT_JAWABAN"]);
const NASKAH_OF: Partial<Record<DocumentType, string>> = {
  DRAF_KB: "KB", KB_DITANDATANGANI: "KB", SURAT_PERMOHONAN_DPRD: "KB", DRAF_PKS: "PKS", PKS_DITANDATANGANI: "PKS", SURAT_KUASA: "PKS",
  DRAF_NK: "NK", NK_DITANDATANGANI: "NK", RENCANA_KERJA: "RK", LOI: "LOI", DRAF_MOU: "MOU", MOU_DITANDATANGANI: "MOU",
  DRAF_ADENDUM: "ADENDUM", ADENDUM_DITANDATANGANI: "ADENDUM", BERITA_ACARA_PENGAKHIRAN: "PKS", SURAT_PEMBERITAHUAN_PENGAKHIRAN: "PKS",
};

export const requiredFor = (spec: CaseSpec, stage: Stage): DocumentType[] =>
  DEFAULT_SETTINGS.requiredDocuments[spec.kind]?.[stage] ?? [];

export const staffFor = (spec: CaseSpec) => userByUsername(hash(spec.id) % 3 === 0 ? "staf.ks2" : "staf.ks");

export function fileName(label: string, short: string): string {
  const head = label.startsWith("Kerangka Acuan Kerja") ? "KAK" : label.replace(/\s*\(.*?\)\s*/g, " ").trim();
  return `${head} - ${short}.pdf`.replace(/[\\/:*?"<>|]/g, "-");
}

export function docOffice(spec: CaseSpec, type: DocumentType): string {
  if (type === "PERSETUJUAN_DPRD") return "Dewan Perwakilan Rakyat Daerah";
  const fromPartner = PARTNER_TYPES.has(type) || (type === "STUDI_KELAYAKAN" && spec.partnerInitiated);
  if (fromPartner && !(type === "SURAT_JAWABAN" && spec.partnerInitiated)) return `Dokumen mitra: ${partnerById(spec.partner).name}`;
  if (OPD_TYPES.has(type)) return opdByKey(spec.opd).name;
  return "Sekretariat Daerah — Bagian Kerja Sama";
}

function labelFor(spec: CaseSpec, type: DocumentType): string {
  if (type === "SURAT_JAWABAN" && spec.partnerInitiated) return "Surat Jawaban Bupati atas Penawaran Mitra";
  if (type === "SURAT_JAWABAN" && spec.stage === "BATAL") return "Surat Jawaban Mitra (menunda rencana kerja sama)";
  if (type === "PERSETUJUAN_DPRD" && spec.stage === "DITOLAK_DPRD") return "Surat DPRD (tidak memberikan persetujuan)";
  return DOC_LABEL[type];
}

export function planCaseDocuments(spec: CaseSpec, tl: Timeline, plans: AgreementPlan[], now: Date): DocPlan[] {
  const { path, times } = tl;
  const last = path.length - 1;
  const current = path[last];
  const terminal = TERMINAL.includes(current);
  const slug = spec.id.replace(/^case-/, "");
  const docs: DocPlan[] = [];
  const versions = new Map<DocumentType, number>();
  const operator = operatorOf(spec.opd);
  const staff = staffFor(spec);
  // An adendum's round (domain §5) holds its own documents: tied to the adendum once it is signed,
  // untied while it is still prepared (lib/workflow inCurrentRound()).
  const adendum = plans.find((x) => x.type === "ADENDUM") ?? null;
  const naskah = (type: DocumentType, stage: Stage) => {
    if (stage.startsWith("ADENDUM_")) return adendum && adendum.status !== "DRAF" ? adendum : null;
    const t = NASKAH_OF[type];
    return (t && plans.find((x) => x.type === t)) || null;
  };
  const push = (type: DocumentType, stage: Stage, locked: boolean, at: Date, correctionReason: string | null = null) => {
    const version = (versions.get(type) ?? 0) + 1;
    versions.set(type, version);
    const label = labelFor(spec, type);
    const agreement = naskah(type, stage);
    const lines = [`Mitra: ${partnerById(spec.partner).name}`, `Perangkat Daerah: ${opdByKey(spec.opd).name}`, `Tahap: ${stage}, versi ${version}`];
    if (agreement?.ourNumber) lines.push(`Nomor: ${agreement.ourNumber} / ${agreement.partnerNumber}`);
    if (correctionReason) lines.push(`Alasan perbaikan: ${correctionReason}`);
    docs.push({
      id: `doc-${slug}-${type.toLowerCase().replaceAll("_", "-")}-v${version}`, caseId: spec.id,
      agreementId: agreement?.id ?? null, reportId: null, stage, type, version, locked, correctionReason,
      uploadedById: OPD_TYPES.has(type) && !(type === "STUDI_KELAYAKAN" && spec.partnerInitiated) ? operator.id : staff.id,
      uploadedAt: at, originalName: fileName(label, spec.short), office: docOffice(spec, type), label, lines,
    });
  };

  if (spec.archive) {
    const at = times[0];
    push("KB_DITANDATANGANI", "PENANDATANGANAN_KB", true, addMinutes(at, -30));
    push("PKS_DITANDATANGANI", "PENANDATANGANAN_PKS", true, addMinutes(at, -20));
    return docs;
  }

  const seen = new Set<Stage>();
  for (let i = 0; i <= last; i++) {
    const stage = path[i];
    const isCurrent = i === last;
    const entry = times[i];
    const exit = isCurrent ? now : times[i + 1];
    const first = !seen.has(stage);
    seen.add(stage);
    const locked = !isCurrent || terminal;
    let types: DocumentType[] = [];
    let reason: string | null = null;
    if (stage === "PERBAIKAN") {
      if (!isCurrent) {
        const fromKajian = path[i - 1] === "KAJIAN_TKKSD";
        types = [fromKajian && spec.kind === "KSDPK" ? "STUDI_KELAYAKAN" : "KAK"];
        reason = fromKajian ? spec.tkksdReturn! : (spec.verificationReturns ?? [])[[...path.slice(0, i)].filter((s) => s === "PERBAIKAN").length] ?? null;
      }
    } else if (stage === "KAJIAN_TKKSD" && !first) {
      if (!isCurrent) types = ["BERITA_ACARA_TKKSD"];
      reason = "Rapat TKKSD pembahasan ulang setelah perbaikan";
    } else if (stage === "ADENDUM_PENYUSUNAN") types = ["DRAF_ADENDUM"];
    else if (stage === "ADENDUM_KAJIAN") types = isCurrent ? [] : ["BERITA_ACARA_TKKSD"];
    else if (stage === "ADENDUM_PENANDATANGANAN") types = isCurrent ? [] : ["ADENDUM_DITANDATANGANI"];
    else if (first) {
      let required = requiredFor(spec, stage);
      if (spec.partnerInitiated && stage === "PENAWARAN") required = required.filter((t) => t !== "SURAT_PENAWARAN");
      if (spec.draftNotStarted && stage === "PENYUSUNAN_PKS") required = [];
      types = isCurrent ? required.filter((t) => !ARRIVES_LAST.has(t)).slice(0, 1) : [...required];
      if (stage === "DRAF" && !isCurrent && hash(spec.id) % 2 === 0) types.push("SK_PPKSD");
      if (stage === "VERIFIKASI" && spec.partnerInitiated) types.unshift("SURAT_PENAWARAN_MITRA", "STUDI_KELAYAKAN", "DISPOSISI");
      if (stage === "KAJIAN_TKKSD") types.unshift(...(isCurrent ? ["UNDANGAN_TKKSD" as const] : ["UNDANGAN_TKKSD" as const, "DAFTAR_HADIR_TKKSD" as const]));
      if (stage === "PENAWARAN" && spec.kind === "KSDPK" && !isCurrent) types.push("DOKUMEN_LEGAL_MITRA");
      if (stage === "PENANDATANGANAN_PKS" && !isCurrent && spec.pksByKepalaOpd) types.unshift("SURAT_KUASA");
      if (stage === "KONSULTASI_KEMENDAGRI") types.unshift("DRAF_MOU");
      if (stage === "DIAKHIRI") types = ["SURAT_PEMBERITAHUAN_PENGAKHIRAN", "BERITA_ACARA_PENGAKHIRAN"];
    }
    const span = exit.getTime() - entry.getTime();
    types.forEach((type, k) => {
      const at = stage === "DIAKHIRI"
        ? addMinutes(entry, -60 + k * 10) // the berita acara is the evidence of the transition itself
        : new Date(entry.getTime() + (span * (k + 1)) / (types.length + 1));
      push(type, stage === "DIAKHIRI" ? "DIAKHIRI" : stage, locked, at, reason && (stage === "PERBAIKAN" || stage === "KAJIAN_TKKSD") ? reason : null);
    });
  }
  return docs;
}
