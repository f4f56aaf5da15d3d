// Indonesian labels of the case page's enums (domain §2, §5, §7). Text only: no domain rules here.
import type {
  AgreementType, FundingSource, KsddNature, KsdpkForm, PartnerClass, SignerType, TerminationGround,
  TkksdOpinionValue,
} from "@/lib/generated/prisma/enums";

export const PARTNER_CLASS_LABELS: Record<PartnerClass, string> = {
  PEMDA: "Pemerintah daerah",
  KEMENTERIAN_LEMBAGA: "Kementerian/lembaga (termasuk instansi vertikal, BI, TNI, Polri)",
  PERGURUAN_TINGGI: "Perguruan tinggi",
  BUMN: "BUMN",
  BUMD: "BUMD",
  SWASTA: "Badan usaha swasta (BUMS)",
  ORMAS_LSM: "Ormas/LSM/yayasan",
  PERORANGAN: "Perorangan",
  PEMDA_LUAR_NEGERI: "Pemerintah daerah di luar negeri",
  LEMBAGA_LUAR_NEGERI: "Lembaga di luar negeri (termasuk badan usaha asing)",
};

export const KSDD_NATURE_LABELS: Record<KsddNature, string> = { WAJIB: "Wajib", SUKARELA: "Sukarela" };

export const KSDPK_FORM_LABELS: Record<KsdpkForm, string> = {
  PELAYANAN_PUBLIK: "Penyediaan pelayanan publik",
  PENGELOLAAN_ASET: "Pengelolaan aset untuk meningkatkan nilai tambah",
  INVESTASI: "Investasi",
  LAINNYA: "Bentuk lainnya",
};

export const FUNDING_SOURCE_LABELS: Record<FundingSource, string> = {
  APBD: "APBD",
  APBN: "APBN",
  MITRA: "Dana mitra",
  CSR: "CSR/TJSL",
  CAMPURAN: "Campuran",
  TANPA_BIAYA: "Tanpa biaya",
  LAINNYA: "Lainnya",
};

export const AGREEMENT_TYPE_LABELS: Record<AgreementType, string> = {
  KB: "Kesepakatan Bersama",
  PKS: "Perjanjian Kerja Sama",
  NK: "Nota Kesepakatan",
  RK: "Rencana Kerja",
  LOI: "Letter of Intent",
  MOU: "Memorandum of Understanding",
  IA: "Implementing Arrangement",
  ADENDUM: "Adendum",
};

export const SIGNER_TYPE_LABELS: Record<SignerType, string> = {
  KEPALA_DAERAH: "Kepala Daerah",
  PEJABAT_DIKUASAKAN: "Pejabat yang diberi kuasa",
};

export const TERMINATION_GROUND_LABELS: Record<TerminationGround, string> = {
  PARA_PIHAK_SEPAKAT: "Para pihak sepakat mengakhiri",
  TUJUAN_TERCAPAI: "Tujuan kerja sama telah tercapai",
  KEADAAN_KAHAR: "Keadaan kahar (force majeure)",
  WANPRESTASI: "Salah satu pihak wanprestasi",
  DIGANTI_PERJANJIAN_BARU: "Diganti dengan perjanjian baru",
  PERATURAN_BARU: "Terbit peraturan perundang-undangan baru",
  OBJEK_HILANG: "Objek kerja sama hilang atau musnah",
  MERUGIKAN_KEPENTINGAN_NASIONAL: "Merugikan kepentingan nasional",
  JANGKA_WAKTU_BERAKHIR: "Jangka waktu kerja sama berakhir",
};

export const OPINION_LABELS: Record<TkksdOpinionValue, string> = {
  LAYAK: "Layak",
  TIDAK_LAYAK: "Tidak layak",
  PERBAIKAN: "Perlu perbaikan",
};

/**
 * What happened, in the past tense, for every event code the history may hold (the workflow's
 * events plus the seed/service events that create a case or start an adendum).
 */
export const EVENT_PAST_LABELS: Record<string, string> = {
  buat: "Usulan dibuat",
  buat_pks_turunan: "PKS turunan dibuat di bawah Kesepakatan Bersama",
  registrasi_arsip: "Didaftarkan sebagai kerja sama arsip",
  registrasi_penawaran_mitra: "Penawaran mitra didaftarkan untuk diverifikasi",
  ajukan: "Diajukan kepada Kepala OPD",
  setujui: "Disetujui Kepala OPD dan diteruskan ke Bagian Kerja Sama",
  kembalikan: "Dikembalikan kepada operator OPD",
  lengkap: "Dinyatakan lengkap dan diteruskan ke TKKSD",
  perlu_perbaikan: "Dikembalikan untuk perbaikan",
  ajukan_ulang: "Diajukan ulang setelah perbaikan",
  layak: "Dinyatakan layak (rekomendasi TKKSD)",
  tidak_layak: "Dinyatakan tidak layak oleh TKKSD; usulan ditolak",
  mitra_setuju: "Mitra menyatakan setuju",
  mitra_menolak: "Mitra menolak penawaran",
  batal: "Kerja sama dibatalkan",
  final: "Draf naskah ditetapkan final",
  tandatangani: "Naskah ditandatangani",
  dprd_setuju: "DPRD memberikan persetujuan",
  dprd_tolak: "DPRD tidak memberikan persetujuan",
  loi_ditandatangani: "Letter of Intent ditandatangani",
  konsultasi_selesai: "Konsultasi dengan Kemendagri selesai",
  pembahasan_selesai: "Pembahasan interkementerian selesai",
  pusat_setuju: "Pemerintah pusat memberikan persetujuan",
  mulai_adendum: "Penyusunan adendum dimulai",
  berakhir: "Jangka waktu kerja sama berakhir",
  akhiri: "Kerja sama diakhiri sebelum waktunya",
  selesai: "Kerja sama ditutup setelah laporan akhir ditelaah",
};

export function eventPastLabel(event: string): string {
  return EVENT_PAST_LABELS[event] ?? event;
}

/** Events recorded by a negative decision: shown in danger colours, their note is "the reason". */
export const NEGATIVE_EVENTS: readonly string[] = [
  "tidak_layak", "mitra_menolak", "batal", "dprd_tolak", "akhiri", "kembalikan", "perlu_perbaikan",
];

/** Domain §4.1 step 2: the operator learns before submitting who acts next and what they upload. */
export const SUBMIT_HINT =
  "Setelah diajukan, Kepala OPD memeriksa usulan, mengunggah Surat Inisiasi/Usulan yang telah ditandatanganinya, lalu menyetujui dan meneruskannya ke Bagian Kerja Sama. Sampaikan kepada Kepala OPD bahwa surat inisiasi diunggah oleh beliau.";

/** What the actor should know before recording an event (shown above its button). */
export const EVENT_HINTS: Readonly<Record<string, string>> = { ajukan: SUBMIT_HINT };
