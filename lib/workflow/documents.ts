// Document types (domain §8): labels, and which are required to leave a stage (a setting).
import type { CaseSnapshot, DecideContext, DocumentType, Initiator, Stage } from "./types";

export const DOCUMENT_LABELS: Record<DocumentType, string> = {
  KAK: "Kerangka Acuan Kerja (KAK)",
  STUDI_KELAYAKAN: "Studi Kelayakan",
  SK_PPKSD: "SK Penunjukan PPKSD",
  SURAT_INISIASI: "Surat Inisiasi/Usulan Kepala OPD",
  SURAT_PENAWARAN_MITRA: "Surat Penawaran dari Mitra",
  DISPOSISI: "Disposisi kepada OPD",
  UNDANGAN_TKKSD: "Undangan Rapat TKKSD",
  DAFTAR_HADIR_TKKSD: "Daftar Hadir Rapat TKKSD",
  BERITA_ACARA_TKKSD: "Berita Acara/Notulen Rapat TKKSD",
  SURAT_PENAWARAN: "Surat Penawaran Kepala Daerah",
  SURAT_JAWABAN: "Surat Jawaban",
  DOKUMEN_LEGAL_MITRA: "Dokumen Legal Mitra (akta, NIB, SK)",
  DRAF_KB: "Draf Kesepakatan Bersama",
  KB_DITANDATANGANI: "Kesepakatan Bersama yang Ditandatangani",
  SURAT_PERMOHONAN_DPRD: "Surat Permohonan Persetujuan DPRD",
  PERSETUJUAN_DPRD: "Keputusan/Surat Persetujuan DPRD",
  DRAF_PKS: "Draf Perjanjian Kerja Sama",
  PKS_DITANDATANGANI: "Perjanjian Kerja Sama yang Ditandatangani",
  SURAT_KUASA: "Surat Kuasa Penandatanganan",
  DRAF_NK: "Draf Nota Kesepakatan",
  RENCANA_KERJA: "Rencana Kerja",
  NK_DITANDATANGANI: "Nota Kesepakatan yang Ditandatangani",
  LOI: "Letter of Intent (LoI)",
  DATA_POTENSI_DAERAH: "Data Potensi Daerah",
  DATA_POTENSI_KERJA_SAMA: "Data Potensi Kerja Sama",
  KAJIAN_PAKAR: "Kajian Pakar",
  RENCANA_AKSI: "Rencana Aksi",
  HASIL_KONSULTASI_KEMENDAGRI: "Hasil Konsultasi Kemendagri",
  HASIL_PEMBAHASAN_INTERKEMENTERIAN: "Hasil Pembahasan Interkementerian",
  PERSETUJUAN_PUSAT: "Persetujuan Pemerintah Pusat",
  FULL_POWER: "Surat Kuasa Penuh (Full Power) Kemenlu",
  DRAF_MOU: "Draf MoU",
  MOU_DITANDATANGANI: "MoU yang Ditandatangani",
  DRAF_ADENDUM: "Draf Adendum",
  ADENDUM_DITANDATANGANI: "Adendum yang Ditandatangani",
  LAPORAN_BERKALA: "Laporan Berkala",
  BUKTI_KEGIATAN: "Bukti Kegiatan",
  LAPORAN_AKHIR: "Laporan Akhir",
  BERITA_ACARA_PENGAKHIRAN: "Berita Acara Pengakhiran",
  SURAT_PEMBERITAHUAN_PENGAKHIRAN: "Surat Pemberitahuan Pengakhiran",
  LAINNYA: "Dokumen Lainnya",
};

/**
 * Documents required to leave `stage` (settings.requiredDocuments, domain §8). For a KSDPK offered
 * by the partner, the region answers with a surat jawaban instead of sending a surat penawaran.
 */
export function requiredDocuments(
  s: Pick<CaseSnapshot, "kind" | "initiator">,
  stage: Stage,
  settings: DecideContext["settings"],
): DocumentType[] {
  const list = [...(settings.requiredDocuments[s.kind]?.[stage] ?? [])];
  if (s.initiator === "MITRA" && stage === "PENAWARAN") return list.filter((t) => t !== "SURAT_PENAWARAN");
  return list;
}

/**
 * Document types that belong to a case in `stage`. A partner-initiated KSDPK answers the partner's
 * offer with a surat jawaban: at PENAWARAN it has no surat penawaran of the Kepala Daerah.
 */
export function stageDocumentTypes(stage: Stage, initiator: Initiator): readonly DocumentType[] {
  const types = STAGE_DOCUMENT_TYPES[stage] ?? [];
  return initiator === "MITRA" && stage === "PENAWARAN" ? types.filter((t) => t !== "SURAT_PENAWARAN") : types;
}

/** Document types that may be uploaded while a case is in `stage` (use stageDocumentTypes()). */
const STAGE_DOCUMENT_TYPES: Partial<Record<Stage, readonly DocumentType[]>> = {
  DRAF: ["KAK", "STUDI_KELAYAKAN", "SK_PPKSD", "SURAT_PENAWARAN_MITRA", "DISPOSISI", "DOKUMEN_LEGAL_MITRA", "LAINNYA"],
  PERBAIKAN: ["KAK", "STUDI_KELAYAKAN", "SK_PPKSD", "SURAT_PENAWARAN_MITRA", "DOKUMEN_LEGAL_MITRA", "LAINNYA"],
  PERSETUJUAN_OPD: ["SURAT_INISIASI", "LAINNYA"],
  VERIFIKASI: ["LAINNYA"],
  KAJIAN_TKKSD: [
    "UNDANGAN_TKKSD", "DAFTAR_HADIR_TKKSD", "BERITA_ACARA_TKKSD", "DATA_POTENSI_DAERAH", "DATA_POTENSI_KERJA_SAMA",
    "KAJIAN_PAKAR", "RENCANA_AKSI", "LAINNYA",
  ],
  PENAWARAN: ["SURAT_PENAWARAN", "SURAT_JAWABAN", "DOKUMEN_LEGAL_MITRA", "LAINNYA"],
  PENYUSUNAN_KB: ["DRAF_KB", "LAINNYA"],
  PENANDATANGANAN_KB: ["KB_DITANDATANGANI", "LAINNYA"],
  PERSETUJUAN_DPRD: ["SURAT_PERMOHONAN_DPRD", "PERSETUJUAN_DPRD", "LAINNYA"],
  PENYUSUNAN_PKS: ["DRAF_PKS", "LAINNYA"],
  PENANDATANGANAN_PKS: ["PKS_DITANDATANGANI", "SURAT_KUASA", "LAINNYA"],
  PENYUSUNAN_NK: ["DRAF_NK", "RENCANA_KERJA", "LAINNYA"],
  PENANDATANGANAN_NK: ["NK_DITANDATANGANI", "LAINNYA"],
  PENJAJAKAN_LOI: ["LOI", "LAINNYA"],
  KONSULTASI_KEMENDAGRI: ["HASIL_KONSULTASI_KEMENDAGRI", "LAINNYA"],
  PEMBAHASAN_INTERKEMENTERIAN: ["HASIL_PEMBAHASAN_INTERKEMENTERIAN", "LAINNYA"],
  PERSETUJUAN_PUSAT: ["PERSETUJUAN_PUSAT", "FULL_POWER", "LAINNYA"],
  PENANDATANGANAN_MOU: ["DRAF_MOU", "MOU_DITANDATANGANI", "LAINNYA"],
  PELAKSANAAN: ["LAPORAN_BERKALA", "BUKTI_KEGIATAN", "LAPORAN_AKHIR", "BERITA_ACARA_PENGAKHIRAN", "SURAT_PEMBERITAHUAN_PENGAKHIRAN", "LAINNYA"],
  BERAKHIR: ["LAPORAN_AKHIR", "BUKTI_KEGIATAN", "LAINNYA"],
  // An adendum's own round (domain §5): its draft, the TKKSD review, the DPRD, its signing.
  ADENDUM_PENYUSUNAN: ["DRAF_ADENDUM", "LAINNYA"],
  ADENDUM_KAJIAN: ["UNDANGAN_TKKSD", "DAFTAR_HADIR_TKKSD", "BERITA_ACARA_TKKSD", "LAINNYA"],
  ADENDUM_DPRD: ["SURAT_PERMOHONAN_DPRD", "PERSETUJUAN_DPRD", "LAINNYA"],
  ADENDUM_PENANDATANGANAN: ["ADENDUM_DITANDATANGANI", "SURAT_KUASA", "LAINNYA"],
};
