// The columns of the import workbook (sheet "Data"): one per field of importRowSchema, keyed by the
// form's field names so a row's errors come back on its column. Pure data, shared by the template
// builder, the parser and the preview.
import {
  CaseKind, FundingSource, KsddNature, KsdpkForm, PartnerClass, SignerType, UniversityStatus,
} from "@/lib/generated/prisma/enums";

export type ImportColumn = {
  /** Field name (nested with a dot), as importRowSchema / the archive form name it. */
  key: string;
  header: string;
  /** Shown in the template's instructions sheet and as the cell's input message. */
  hint: string;
  /** Allowed codes (a drop-down list in the template); "OPD" = the active OPDs' short names. */
  list?: readonly string[] | "OPD";
  kind?: "date" | "number";
  width?: number;
};

const naskah = (prefix: "induk" | "naskah", label: string, note: string): ImportColumn[] => [
  { key: `${prefix}.ourNumber`, header: `${label}: Nomor Pihak Daerah`, hint: `Nomor ${note} dari pihak daerah. Wajib.`, width: 24 },
  { key: `${prefix}.partnerNumber`, header: `${label}: Nomor Pihak Mitra`, hint: `Nomor ${note} dari pihak mitra. Wajib.`, width: 24 },
  { key: `${prefix}.signedAt`, header: `${label}: Tanggal Tanda Tangan`, hint: "Tanggal (format tanggal Excel atau TTTT-BB-HH); tidak boleh sesudah hari ini. Wajib.", kind: "date", width: 16 },
  { key: `${prefix}.signedPlace`, header: `${label}: Tempat Tanda Tangan`, hint: "Kota tempat penandatanganan. Wajib.", width: 16 },
  ...(prefix === "naskah"
    ? [{
        key: "naskah.signerType", header: `${label}: Jenis Penandatangan`, list: Object.values(SignerType),
        hint: "KEPALA_DAERAH (kosong = Kepala Daerah). PKS yang ditandatangani pejabat dengan surat kuasa (PEJABAT_DIKUASAKAN) didaftarkan melalui formulir Kerja Sama Arsip agar surat kuasanya terlampir.",
        width: 18,
      } satisfies ImportColumn]
    : []),
  { key: `${prefix}.signerName`, header: `${label}: Penandatangan Pihak Daerah`, hint: "Nama penandatangan pihak daerah. Wajib.", width: 26 },
  { key: `${prefix}.signerPosition`, header: `${label}: Jabatan Penandatangan Pihak Daerah`, hint: "Misalnya Bupati Sukamaju.", width: 24 },
  { key: `${prefix}.partnerSignerName`, header: `${label}: Penandatangan Pihak Mitra`, hint: "Nama penandatangan pihak mitra. Wajib.", width: 26 },
  { key: `${prefix}.partnerSignerPosition`, header: `${label}: Jabatan Penandatangan Pihak Mitra`, hint: "Jabatan penandatangan pihak mitra. Wajib.", width: 24 },
  { key: `${prefix}.startDate`, header: `${label}: Mulai Berlaku`, hint: "Tanggal mulai berlaku. Wajib.", kind: "date", width: 14 },
  { key: `${prefix}.endDate`, header: `${label}: Berakhir`, hint: "Tanggal berakhir; sesudah tanggal mulai. Wajib.", kind: "date", width: 14 },
  ...(prefix === "naskah"
    ? [{
        key: "naskah.durationOverrideBasis", header: `${label}: Dasar Hukum Jangka Waktu > 5 Tahun`,
        hint: "Hanya untuk PKS yang berlaku lebih dari 5 tahun: sebutkan dasar hukumnya.", width: 28,
      } satisfies ImportColumn]
    : []),
];

export const IMPORT_COLUMNS: readonly ImportColumn[] = [
  { key: "kind", header: "Jenis Kerja Sama", list: Object.values(CaseKind), hint: "KSDD, KSDPK, SINERGI, KSDPL, atau KSDLL. Wajib.", width: 12 },
  { key: "ksddNature", header: "Sifat KSDD", list: Object.values(KsddNature), hint: "Untuk KSDD: WAJIB atau SUKARELA.", width: 12 },
  { key: "ksdpkForm", header: "Bentuk KSDPK", list: Object.values(KsdpkForm), hint: "Untuk KSDPK: PELAYANAN_PUBLIK, PENGELOLAAN_ASET, INVESTASI, atau LAINNYA.", width: 18 },
  { key: "title", header: "Judul Kerja Sama", hint: "Judul singkat kerja sama. Wajib.", width: 40 },
  { key: "partnerName", header: "Nama Mitra", hint: "Nama mitra persis seperti di menu Mitra. Nama yang belum terdaftar dibuat sebagai mitra baru (perlu dikonfirmasi Bagian Kerja Sama), kecuali mirip nama yang sudah ada.", width: 32 },
  { key: "partnerClass", header: "Kelas Mitra", list: Object.values(PartnerClass), hint: "Wajib untuk mitra baru; untuk mitra terdaftar harus sama dengan datanya.", width: 20 },
  { key: "universityStatus", header: "Status Perguruan Tinggi", list: Object.values(UniversityStatus), hint: "Untuk mitra perguruan tinggi baru: PTN_SATKER, PTN_BLU, PTN_BH, atau PTS.", width: 16 },
  { key: "opd", header: "OPD Pelaksana", list: "OPD", hint: "Singkatan atau nama OPD pelaksana (lihat lembar Daftar). Wajib.", width: 16 },
  { key: "governmentAffair", header: "Urusan Pemerintahan", hint: "Misalnya Kesehatan, Pendidikan, Perhubungan. Wajib.", width: 20 },
  { key: "subject", header: "Objek Kerja Sama", hint: "Apa yang dikerjasamakan. Wajib.", width: 32 },
  { key: "scope", header: "Ruang Lingkup", hint: "Boleh kosong.", width: 32 },
  { key: "fundingSource", header: "Sumber Pendanaan", list: Object.values(FundingSource), hint: "APBD, APBN, MITRA, CSR, CAMPURAN, TANPA_BIAYA, atau LAINNYA. Wajib.", width: 14 },
  { key: "fundingAmount", header: "Nilai Pendanaan (Rp)", hint: "Angka, misalnya 1500000 atau 1.500.000. Boleh kosong.", kind: "number", width: 16 },
  { key: "fundingYear", header: "Tahun Anggaran", hint: "Misalnya 2024. Boleh kosong.", kind: "number", width: 10 },
  { key: "requiresDprd", header: "Perlu Persetujuan DPRD", list: ["Ya", "Tidak"], hint: "Untuk KSDD dan KSDPK: Ya atau Tidak. KSDPL/KSDLL selalu dengan persetujuan DPRD; SINERGI tidak.", width: 12 },
  { key: "dprdNumber", header: "Nomor Keputusan DPRD", hint: "Wajib bila perlu persetujuan DPRD.", width: 22 },
  { key: "dprdDate", header: "Tanggal Keputusan DPRD", hint: "Wajib bila perlu persetujuan DPRD; sesudah KB ditandatangani.", kind: "date", width: 14 },
  ...naskah("induk", "KB", "Kesepakatan Bersama (hanya KSDD dan KSDPK)"),
  ...naskah("naskah", "Naskah", "PKS (KSDD/KSDPK), Nota Kesepakatan (SINERGI), atau MoU (KSDPL/KSDLL)"),
];

export const DATA_SHEET = "Data";
export const LIST_SHEET = "Daftar";
export const HELP_SHEET = "Petunjuk";

/** Spreadsheet column letters (A, B, …, Z, AA, …) of a 1-based index. */
export function columnLetter(index: number): string {
  let n = index;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export const COLUMN_BY_KEY: ReadonlyMap<string, { column: ImportColumn; letter: string }> = new Map(
  IMPORT_COLUMNS.map((c, i) => [c.key, { column: c, letter: columnLetter(i + 1) }]),
);

/** The column a form field name belongs to (the archive form's "partnerId" is the import's partner name …). */
export function columnFor(field: string): { column: ImportColumn; letter: string } | undefined {
  const alias: Record<string, string> = { partnerId: "partnerName", opdId: "opd" };
  return COLUMN_BY_KEY.get(alias[field] ?? field);
}

/** Largest file accepted by the import, and rows per file. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 2000;
