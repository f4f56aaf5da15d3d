// Labels and select options of the proposal form (plain data: imported by server pages and the
// client form alike, so it must stay free of server-only imports).
import type { CaseKind, FundingSource, KsddNature, KsdpkForm, PartnerClass, UniversityStatus } from "@/lib/generated/prisma/enums";

export const KIND_ORDER: readonly CaseKind[] = ["KSDD", "KSDPK", "SINERGI", "KSDPL", "KSDLL"];

export function isCaseKind(v: unknown): v is CaseKind {
  return typeof v === "string" && (KIND_ORDER as readonly string[]).includes(v);
}

export const KSDD_NATURE_LABELS: Record<KsddNature, string> = {
  WAJIB: "Wajib (wilayah berbatasan atau urusan dengan eksternalitas lintas daerah)",
  SUKARELA: "Sukarela",
};

export const KSDPK_FORM_LABELS: Record<KsdpkForm, string> = {
  PELAYANAN_PUBLIK: "Pelayanan publik",
  PENGELOLAAN_ASET: "Pengelolaan aset untuk meningkatkan nilai tambah",
  INVESTASI: "Investasi",
  LAINNYA: "Lainnya",
};

export const FUNDING_LABELS: Record<FundingSource, string> = {
  APBD: "APBD",
  APBN: "APBN",
  MITRA: "Dana mitra",
  CSR: "CSR (tanggung jawab sosial perusahaan)",
  CAMPURAN: "Campuran",
  TANPA_BIAYA: "Tanpa biaya",
  LAINNYA: "Lainnya",
};

export { PARTNER_CLASS_LABELS } from "@/components/cases/labels";

export const FOREIGN_CLASSES: readonly PartnerClass[] = ["PEMDA_LUAR_NEGERI", "LEMBAGA_LUAR_NEGERI"];

/** Urusan pemerintahan commonly cooperated on; "Lainnya" keeps the list open. */
export const GOVERNMENT_AFFAIRS = [
  "Kesehatan",
  "Pendidikan",
  "Pekerjaan Umum dan Penataan Ruang",
  "Perhubungan",
  "Pariwisata",
  "Lingkungan Hidup",
  "Pertanian",
  "Komunikasi dan Informatika",
  "Sosial",
  "Administrasi Kependudukan",
  "Penanaman Modal",
  "Keuangan",
  "Perencanaan",
  "Lainnya",
] as const;

export const PROVINCES = [
  "Aceh", "Sumatera Utara", "Sumatera Barat", "Riau", "Kepulauan Riau", "Jambi", "Sumatera Selatan",
  "Kepulauan Bangka Belitung", "Bengkulu", "Lampung", "DKI Jakarta", "Jawa Barat", "Banten", "Jawa Tengah",
  "DI Yogyakarta", "Jawa Timur", "Bali", "Nusa Tenggara Barat", "Nusa Tenggara Timur", "Kalimantan Barat",
  "Kalimantan Tengah", "Kalimantan Selatan", "Kalimantan Timur", "Kalimantan Utara", "Sulawesi Utara",
  "Gorontalo", "Sulawesi Tengah", "Sulawesi Barat", "Sulawesi Selatan", "Sulawesi Tenggara", "Maluku",
  "Maluku Utara", "Papua", "Papua Barat", "Papua Barat Daya", "Papua Tengah", "Papua Pegunungan", "Papua Selatan",
] as const;

export type PartnerOption = {
  id: string;
  name: string;
  partnerClass: PartnerClass;
  universityStatus: UniversityStatus | null;
  verified?: boolean;
};
