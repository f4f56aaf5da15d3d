// Stage labels and the ordered path of each jenis (domain §4), used by the timeline and by the
// property test's "no stage without its mandated predecessors".
import type { CaseKind, Initiator, Stage } from "./types";

export const STAGE_LABELS: Record<Stage, string> = {
  DRAF: "Draf Usulan",
  PERSETUJUAN_OPD: "Menunggu Persetujuan Kepala OPD",
  VERIFIKASI: "Verifikasi Bagian Kerja Sama",
  PERBAIKAN: "Perlu Perbaikan",
  KAJIAN_TKKSD: "Pembahasan TKKSD",
  PENAWARAN: "Surat Penawaran",
  PENYUSUNAN_KB: "Penyusunan Kesepakatan Bersama",
  PENANDATANGANAN_KB: "Penandatanganan KB",
  PERSETUJUAN_DPRD: "Menunggu Persetujuan DPRD",
  PENYUSUNAN_PKS: "Penyusunan PKS",
  PENANDATANGANAN_PKS: "Penandatanganan PKS",
  PENYUSUNAN_NK: "Penyusunan Nota Kesepakatan dan Rencana Kerja",
  PENANDATANGANAN_NK: "Penandatanganan Nota Kesepakatan",
  PENJAJAKAN_LOI: "Penjajakan (Letter of Intent)",
  KONSULTASI_KEMENDAGRI: "Konsultasi Kemendagri",
  PEMBAHASAN_INTERKEMENTERIAN: "Pembahasan Interkementerian",
  PERSETUJUAN_PUSAT: "Persetujuan Pemerintah Pusat",
  PENANDATANGANAN_MOU: "Penandatanganan MoU",
  PELAKSANAAN: "Pelaksanaan (Aktif)",
  ADENDUM_PENYUSUNAN: "Penyusunan Adendum",
  ADENDUM_KAJIAN: "Kajian Adendum oleh TKKSD",
  ADENDUM_DPRD: "Persetujuan DPRD atas Adendum",
  ADENDUM_PENANDATANGANAN: "Penandatanganan Adendum",
  BERAKHIR: "Berakhir",
  SELESAI: "Selesai",
  DIAKHIRI: "Diakhiri",
  DITOLAK: "Ditolak",
  BATAL: "Batal",
  DITOLAK_DPRD: "Ditolak DPRD",
};

/**
 * The stage's name for this case. A partner-initiated KSDPK is offered by the partner: at
 * PENAWARAN the region answers with a surat jawaban instead of sending a surat penawaran.
 */
export function stageLabel(stage: Stage, initiator?: Initiator): string {
  if (stage === "PENAWARAN" && initiator === "MITRA") return "Surat Jawaban kepada Mitra";
  return STAGE_LABELS[stage];
}

/** The stages of an adendum round (domain §5): the case comes back to PELAKSANAAN after them. */
export const ADENDUM_STAGES: readonly Stage[] = ["ADENDUM_PENYUSUNAN", "ADENDUM_KAJIAN", "ADENDUM_DPRD", "ADENDUM_PENANDATANGANAN"];

export function isAdendumStage(stage: Stage): boolean {
  return ADENDUM_STAGES.includes(stage);
}

/**
 * Whether a document counts for the case's current round. During an adendum only the adendum's own
 * documents count: uploaded in an ADENDUM_* stage and not yet tied to an earlier adendum (its
 * signing or closing ties them), so the berita acara of the first TKKSD meeting never passes a later
 * review, and a new draft adendum is not a "correction" of the previous adendum's.
 */
export function inCurrentRound(doc: { stage: Stage; agreementId: string | null }, caseStage: Stage): boolean {
  return !isAdendumStage(caseStage) || (isAdendumStage(doc.stage) && doc.agreementId === null);
}

export const TERMINAL_STAGES: readonly Stage[] = ["SELESAI", "DIAKHIRI", "DITOLAK", "BATAL", "DITOLAK_DPRD"];
export const NEGATIVE_TERMINAL: readonly Stage[] = ["DIAKHIRI", "DITOLAK", "BATAL", "DITOLAK_DPRD"];

export function isTerminal(stage: Stage): boolean {
  return TERMINAL_STAGES.includes(stage);
}

export const KIND_LABELS: Record<CaseKind, string> = {
  KSDD: "Kerja Sama Daerah dengan Daerah Lain",
  KSDPK: "Kerja Sama Daerah dengan Pihak Ketiga",
  SINERGI: "Sinergi Program Pemerintah Pusat",
  KSDPL: "Kerja Sama dengan Pemerintah Daerah di Luar Negeri",
  KSDLL: "Kerja Sama dengan Lembaga di Luar Negeri",
};

/** One line per jenis for the "Usulan Baru" chooser. */
export const KIND_HINTS: Record<CaseKind, string> = {
  KSDD: "Dengan provinsi/kabupaten/kota lain (wajib untuk wilayah berbatasan, atau sukarela). Naskah: KB lalu PKS.",
  KSDPK: "Dengan badan usaha, BUMN/BUMD, perguruan tinggi, yayasan/ormas, atau perorangan. Perlu studi kelayakan. Naskah: KB lalu PKS.",
  SINERGI: "Dukungan program kementerian/lembaga atau instansi vertikal. Naskah: Nota Kesepakatan dan Rencana Kerja; tanpa DPRD.",
  KSDPL: "Dengan pemerintah daerah di luar negeri (sister city/province). Selalu dengan persetujuan DPRD dan pemerintah pusat.",
  KSDLL: "Dengan lembaga di luar negeri (badan, universitas, LSM asing). Selalu dengan persetujuan DPRD dan pemerintah pusat.",
};

const FRONT: Stage[] = ["DRAF", "PERSETUJUAN_OPD", "VERIFIKASI", "KAJIAN_TKKSD"];
const BACK: Stage[] = ["PELAKSANAAN", "BERAKHIR", "SELESAI"];

/** The forward path of a case from its entry to SELESAI (without the PERBAIKAN loop). */
export function stagePath(
  kind: CaseKind,
  opts: { requiresDprd: boolean; initiator?: Initiator; isPksTurunan?: boolean },
): Stage[] {
  if (opts.isPksTurunan) return ["PENYUSUNAN_PKS", "PENANDATANGANAN_PKS", ...BACK];
  if (kind === "SINERGI") return [...FRONT, "PENYUSUNAN_NK", "PENANDATANGANAN_NK", ...BACK];
  if (kind === "KSDPL" || kind === "KSDLL") {
    return [
      ...FRONT, "PENJAJAKAN_LOI", "KONSULTASI_KEMENDAGRI", "PERSETUJUAN_DPRD", "PEMBAHASAN_INTERKEMENTERIAN",
      "PERSETUJUAN_PUSAT", "PENANDATANGANAN_MOU", ...BACK,
    ];
  }
  const front = opts.initiator === "MITRA" ? (["DRAF", "VERIFIKASI", "KAJIAN_TKKSD"] as Stage[]) : FRONT;
  return [
    ...front, "PENAWARAN", "PENYUSUNAN_KB", "PENANDATANGANAN_KB",
    ...(opts.requiresDprd ? (["PERSETUJUAN_DPRD"] as Stage[]) : []),
    "PENYUSUNAN_PKS", "PENANDATANGANAN_PKS", ...BACK,
  ];
}
