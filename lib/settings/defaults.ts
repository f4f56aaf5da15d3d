// Rule settings of domain.md §10 with their defaults. Rules tagged [C] in the domain are settings,
// never constants: code reads them through lib/settings/service.ts, a Setting row overrides a key.
import type { CaseKind, DocumentType, Stage } from "@/lib/generated/prisma/enums";

export type RegionLevel = "KABUPATEN" | "KOTA" | "PROVINSI";

export type RegionProfile = {
  name: string;
  level: RegionLevel;
  /** "Bupati", "Wali Kota" or "Gubernur". */
  headTitle: string;
  timeZone: "Asia/Jakarta" | "Asia/Makassar" | "Asia/Jayapura";
};

/** Documents that must exist before a case may leave a stage, per jenis. */
export type RequiredDocuments = Partial<Record<CaseKind, Partial<Record<Stage, DocumentType[]>>>>;

export type MonevPeriod = "BULANAN" | "TRIWULAN" | "SEMESTER" | "TAHUNAN";

export type Settings = {
  region: RegionProfile;
  reminderOffsetsDays: number[];
  /** An agreement in force whose end date is at most this many days away is "Akan Berakhir" (register, home). */
  endingSoonDays: number;
  monevPeriod: MonevPeriod;
  /**
   * A periodic report is due from the last day of its period and late after this many days (C:
   * the common clause "paling lambat tanggal 10 bulan berikutnya"); lib/reports/periods.ts.
   */
  monevGraceDays: number;
  /** The final report (laporan akhir) is due from the agreement's last day and late after this many days. */
  monevFinalReportDays: number;
  kbWithoutPksMonths: number;
  /** A case waiting in one stage (before signing) longer than this many days is reminded (reminder job). */
  stageWaitDays: number;
  pksMaxYears: number;
  /** Days the DPRD has to answer; null = no deadline. */
  dprdResponseDays: number | null;
  /** Naskah number patterns: tokens {klasifikasi} {urut} {unit} {tahun}. */
  numberPatterns: { KB: string; PKS: string; NK: string; MOU: string; ADENDUM: string };
  /** Whether a KSDPK needs DPRD approval under the same two questions as KSDD [C]. */
  ksdpkDprdFollowsQuestions: boolean;
  /** The jenis a PTN badan hukum (PTN-BH) partner belongs to (domain §2: "PTN-BH a setting"). */
  ptnBhKind: "SINERGI" | "KSDPK";
  requiredDocuments: RequiredDocuments;
  /**
   * Sign-in security. requireSecondFactor: ADMIN and KABAG_KS must use a TOTP second factor
   * (lib/auth/second-factor-policy.ts). On for a real deployment; the demo seed switches it off so
   * the demo logins work with a password alone.
   */
  security: { requireSecondFactor: boolean };
};

/** An adendum's own round, the same for every jenis (domain §5). */
const adendumRound: Partial<Record<Stage, DocumentType[]>> = {
  ADENDUM_PENYUSUNAN: ["DRAF_ADENDUM"],
  ADENDUM_KAJIAN: ["BERITA_ACARA_TKKSD"],
  ADENDUM_DPRD: ["SURAT_PERMOHONAN_DPRD", "PERSETUJUAN_DPRD"],
  ADENDUM_PENANDATANGANAN: ["ADENDUM_DITANDATANGANI"],
};

const regionChain: Partial<Record<Stage, DocumentType[]>> = {
  DRAF: ["KAK"],
  PERSETUJUAN_OPD: ["SURAT_INISIASI"],
  KAJIAN_TKKSD: ["BERITA_ACARA_TKKSD"],
  PENAWARAN: ["SURAT_PENAWARAN", "SURAT_JAWABAN"],
  PENYUSUNAN_KB: ["DRAF_KB"],
  PENANDATANGANAN_KB: ["KB_DITANDATANGANI"],
  PERSETUJUAN_DPRD: ["SURAT_PERMOHONAN_DPRD", "PERSETUJUAN_DPRD"],
  PENYUSUNAN_PKS: ["DRAF_PKS"],
  PENANDATANGANAN_PKS: ["PKS_DITANDATANGANI"],
  ...adendumRound,
};

const foreignChain: Partial<Record<Stage, DocumentType[]>> = {
  DRAF: ["KAK"],
  PERSETUJUAN_OPD: ["SURAT_INISIASI"],
  KAJIAN_TKKSD: ["BERITA_ACARA_TKKSD", "DATA_POTENSI_DAERAH", "DATA_POTENSI_KERJA_SAMA", "KAJIAN_PAKAR", "RENCANA_AKSI"],
  PENJAJAKAN_LOI: ["LOI"],
  KONSULTASI_KEMENDAGRI: ["HASIL_KONSULTASI_KEMENDAGRI"],
  PERSETUJUAN_DPRD: ["SURAT_PERMOHONAN_DPRD", "PERSETUJUAN_DPRD"],
  PEMBAHASAN_INTERKEMENTERIAN: ["HASIL_PEMBAHASAN_INTERKEMENTERIAN"],
  PERSETUJUAN_PUSAT: ["PERSETUJUAN_PUSAT", "FULL_POWER"],
  PENANDATANGANAN_MOU: ["MOU_DITANDATANGANI"],
  ...adendumRound,
};

export const DEFAULT_SETTINGS: Settings = {
  region: { name: "Kabupaten Sukamaju", level: "KABUPATEN", headTitle: "Bupati", timeZone: "Asia/Jakarta" },
  reminderOffsetsDays: [180, 90, 30, 7],
  endingSoonDays: 90,
  monevPeriod: "TRIWULAN",
  monevGraceDays: 10,
  monevFinalReportDays: 30,
  kbWithoutPksMonths: 6,
  stageWaitDays: 14,
  pksMaxYears: 5,
  dprdResponseDays: null,
  numberPatterns: {
    KB: "{klasifikasi}/{urut}/{unit}/{tahun}",
    PKS: "{klasifikasi}/{urut}/{unit}/{tahun}",
    NK: "{klasifikasi}/{urut}/{unit}/{tahun}",
    MOU: "{klasifikasi}/{urut}/{unit}/{tahun}",
    ADENDUM: "{klasifikasi}/{urut}/{unit}/{tahun}",
  },
  ksdpkDprdFollowsQuestions: true,
  ptnBhKind: "KSDPK",
  requiredDocuments: {
    KSDD: regionChain,
    KSDPK: { ...regionChain, DRAF: ["KAK", "STUDI_KELAYAKAN"] },
    SINERGI: {
      DRAF: ["KAK"],
      PERSETUJUAN_OPD: ["SURAT_INISIASI"],
      KAJIAN_TKKSD: ["BERITA_ACARA_TKKSD"],
      PENYUSUNAN_NK: ["DRAF_NK", "RENCANA_KERJA"],
      PENANDATANGANAN_NK: ["NK_DITANDATANGANI"],
      ...adendumRound,
    },
    KSDPL: foreignChain,
    KSDLL: foreignChain,
  },
  security: { requireSecondFactor: true },
};

export type SettingKey = keyof Settings;
export const SETTING_KEYS = Object.keys(DEFAULT_SETTINGS) as SettingKey[];
