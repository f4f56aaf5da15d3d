import type { Stage } from "@/lib/generated/prisma/enums";
import type { Role } from "@/lib/auth/roles";

/*
 * The sections of the "Perlu Tindakan" page: the kinds of work of a role, each a set of stages (a
 * TKKSD member's work is split by whether the member's opinion of the current round is recorded).
 * Pure and client-safe. A stage that waits for a role and is in none of its groups lands in
 * "Lainnya" (lib/cases/inbox.ts), so nothing that waits is ever hidden.
 */

export type InboxGroup = {
  key: string;
  title: string;
  hint: string;
  stages: readonly Stage[];
  /** TKKSD only: the member's opinion of the current round is (true) / is not (false) recorded. */
  opinionGiven?: boolean;
};

/** Bagian Kerja Sama's work, in the order of the stages (domain §4). */
const KS_GROUPS: InboxGroup[] = [
  { key: "penawaran-mitra", title: "Penawaran mitra belum diteruskan", hint: "Unggah surat penawaran dan studi kelayakan mitra, lalu daftarkan ke verifikasi.", stages: ["DRAF", "PERBAIKAN"] },
  { key: "verifikasi", title: "Verifikasi", hint: "Periksa kelengkapan usulan dengan daftar periksa; Kepala Bagian menyatakan lengkap atau mengembalikan untuk perbaikan.", stages: ["VERIFIKASI"] },
  { key: "kajian", title: "Kajian TKKSD — catat hasil rapat", hint: "Unggah berita acara rapat TKKSD dan catat rekomendasinya.", stages: ["KAJIAN_TKKSD"] },
  { key: "penawaran", title: "Penawaran", hint: "Catat surat penawaran Kepala Daerah (atau surat jawaban) dan jawaban mitra.", stages: ["PENAWARAN"] },
  { key: "penyusunan", title: "Penyusunan naskah", hint: "Unggah draf KB, PKS, atau Nota Kesepakatan dan tetapkan versi final.", stages: ["PENYUSUNAN_KB", "PENYUSUNAN_PKS", "PENYUSUNAN_NK"] },
  { key: "penandatanganan", title: "Penandatanganan", hint: "Unggah naskah yang telah ditandatangani beserta nomor kedua pihak.", stages: ["PENANDATANGANAN_KB", "PENANDATANGANAN_PKS", "PENANDATANGANAN_NK", "PENANDATANGANAN_MOU"] },
  { key: "dprd", title: "Persetujuan DPRD", hint: "Catat surat permohonan dan keputusan DPRD.", stages: ["PERSETUJUAN_DPRD"] },
  { key: "luar-negeri", title: "Kerja sama luar negeri", hint: "Letter of Intent, konsultasi Kemendagri, pembahasan interkementerian, dan persetujuan pusat.", stages: ["PENJAJAKAN_LOI", "KONSULTASI_KEMENDAGRI", "PEMBAHASAN_INTERKEMENTERIAN", "PERSETUJUAN_PUSAT"] },
  { key: "adendum", title: "Adendum", hint: "Adendum yang sedang disusun, dikaji, atau menunggu persetujuan dan penandatanganan.", stages: ["ADENDUM_PENYUSUNAN", "ADENDUM_KAJIAN", "ADENDUM_DPRD", "ADENDUM_PENANDATANGANAN"] },
  { key: "berakhir", title: "Jangka waktu berakhir", hint: "Kerja sama yang telah lewat tanggal berakhirnya, atau menunggu laporan akhir sebelum ditutup.", stages: ["PELAKSANAAN", "BERAKHIR"] },
];

const GROUPS: Partial<Record<Role, InboxGroup[]>> = {
  OPERATOR_OPD: [
    { key: "perbaikan", title: "Perlu perbaikan", hint: "Perbaiki isian dan dokumen sesuai catatan verifikator, lalu ajukan ulang.", stages: ["PERBAIKAN"] },
    { key: "draf", title: "Draf belum diajukan", hint: "Lengkapi isian, unggah KAK (dan Studi Kelayakan untuk KSDPK), lalu ajukan kepada Kepala OPD.", stages: ["DRAF"] },
  ],
  KEPALA_OPD: [
    { key: "persetujuan", title: "Menunggu persetujuan Anda", hint: "Periksa usulan, unggah surat inisiasi yang Anda tandatangani, lalu setujui — atau kembalikan ke operator dengan alasan.", stages: ["PERSETUJUAN_OPD"] },
  ],
  TKKSD: [
    { key: "belum", title: "Menunggu pendapat Anda", hint: "Baca usulan dan dokumennya, lalu berikan pendapat tertulis: layak, tidak layak, atau perlu perbaikan.", stages: ["KAJIAN_TKKSD", "ADENDUM_KAJIAN"], opinionGiven: false },
    { key: "sudah", title: "Sudah memberi pendapat", hint: "Pendapat Anda tercatat; usulan menunggu rapat TKKSD. Pendapat masih dapat diubah selama pembahasan.", stages: ["KAJIAN_TKKSD", "ADENDUM_KAJIAN"], opinionGiven: true },
  ],
  STAF_KS: KS_GROUPS,
  KABAG_KS: KS_GROUPS,
};

/** The groups of a role, plus "Lainnya" for the stages in `waiting` no group names (in the order given). */
export function inboxGroupsFor(role: Role, waiting: readonly Stage[]): InboxGroup[] {
  const named = (GROUPS[role] ?? []).map((g) => ({ ...g, stages: g.stages.filter((s) => waiting.includes(s)) }));
  const covered = new Set(named.flatMap((g) => g.stages));
  const rest = waiting.filter((s) => !covered.has(s));
  const groups = named.filter((g) => g.stages.length > 0);
  if (rest.length > 0) groups.push({ key: "lainnya", title: "Lainnya", hint: "Usulan lain yang menunggu tindakan Anda.", stages: rest });
  return groups;
}

/** Whether Bagian Kerja Sama-like groups (many kinds of work) are shown only when something waits. */
export function hidesEmptyGroups(role: Role): boolean {
  return GROUPS[role] === KS_GROUPS;
}
