import type { Stage } from "@/lib/generated/prisma/enums";
import type { Role } from "./roles";

/**
 * The authorization matrix of SIKERDA: one row per action, listing which roles hold it and
 * how far. It is meant to be read beside domain.md §3–§6 (PP 28/2018, Permendagri 22/2020 and
 * 25/2020) by a lawyer or auditor. `can()` in policy.ts is the only code that interprets it.
 *
 * Scope of a grant:
 *   ALL          — any record (Bagian Kerja Sama, Pimpinan, system-wide actions)
 *   OWN_OPD      — only records whose OPD is the user's own OPD (Operator/Kepala OPD)
 *   UNDER_REVIEW — only cases in a stage the TKKSD is reviewing (TKKSD_REVIEW_STAGES)
 *   SIGNED_OR_UNDER_REVIEW — the register of a TKKSD member: every case with a signed naskah
 *                  (the agreements the region has concluded, whatever their OPD) plus the cases
 *                  under TKKSD review; never an OPD's unsigned proposal outside a review
 *
 * Target of an action:
 *   record — acts on one existing record: an OWN_OPD/UNDER_REVIEW grant needs the record's
 *            opdId/stage, and without it the answer is "no" (fail closed)
 *   query  — lists, creates or views that the query itself scopes with caseScope(); a resource is
 *            optional, and when one is given it must still be inside the grant
 *   system — not tied to a case or an OPD (users, settings, own notifications)
 *
 * Effect: read (no change), write (changes business data), self (only the user's own account
 * or notifications). Pimpinan holds no write action; Admin holds no workflow action.
 *
 * Terminal outcomes (reject, cancel, close, pengakhiran, DPRD refusal) and the decisions that move a
 * case past a gate (verification accepted, TKKSD recommendation, signing) are Kepala Bagian Kerja Sama
 * decisions; Staf Bagian Kerja Sama prepares them and records the acts of outside parties.
 */

export const ALL = "ALL";
export const OWN_OPD = "OWN_OPD";
export const UNDER_REVIEW = "UNDER_REVIEW";
export const SIGNED_OR_UNDER_REVIEW = "SIGNED_OR_UNDER_REVIEW";
export type Scope = typeof ALL | typeof OWN_OPD | typeof UNDER_REVIEW | typeof SIGNED_OR_UNDER_REVIEW;

export type Target = "record" | "query" | "system";
export type Effect = "read" | "write" | "self";

/**
 * Stages in which a TKKSD member may read a case and give an opinion: the TKKSD meeting on a
 * proposal (§4) and the TKKSD review of an adendum (§5). Stage codes are those of the Prisma `Stage` enum.
 */
export const TKKSD_REVIEW_STAGES = ["KAJIAN_TKKSD", "ADENDUM_KAJIAN"] as const satisfies readonly Stage[];

export interface PolicyRow {
  /** What the action is, in the office's words. */
  readonly label: string;
  readonly target: Target;
  readonly effect: Effect;
  /** Part of the cooperation workflow (cases, documents, monev): never granted to ADMIN. */
  readonly workflow: boolean;
  readonly roles: Readonly<Partial<Record<Role, Scope>>>;
}

const row = (
  label: string,
  target: Target,
  effect: Effect,
  workflow: boolean,
  roles: Partial<Record<Role, Scope>>,
): PolicyRow => ({ label, target, effect, workflow, roles });

export const POLICY = {
  // ── Usulan and its stages (§4) ─────────────────────────────────────────────────────────────
  "case.list": row("Melihat daftar usulan/kerja sama", "query", "read", true,
    { OPERATOR_OPD: OWN_OPD, KEPALA_OPD: OWN_OPD, STAF_KS: ALL, KABAG_KS: ALL, TKKSD: UNDER_REVIEW, PIMPINAN: ALL }),
  "case.read": row("Membuka usulan/kerja sama beserta riwayat tahapannya", "record", "read", true,
    { OPERATOR_OPD: OWN_OPD, KEPALA_OPD: OWN_OPD, STAF_KS: ALL, KABAG_KS: ALL, TKKSD: UNDER_REVIEW, PIMPINAN: ALL }),
  "case.create": row("Membuat draf usulan untuk OPD sendiri", "query", "write", true,
    { OPERATOR_OPD: OWN_OPD }),
  "case.editDraft": row("Mengubah draf usulan (Draf / Perlu Perbaikan)", "record", "write", true,
    { OPERATOR_OPD: OWN_OPD }),
  "case.submit": row("Mengajukan usulan kepada Kepala OPD", "record", "write", true,
    { OPERATOR_OPD: OWN_OPD }),
  "case.resubmit": row("Mengajukan ulang usulan setelah perbaikan", "record", "write", true,
    { OPERATOR_OPD: OWN_OPD }),
  "case.approveByOpd": row("Menyetujui usulan (surat inisiasi Kepala OPD)", "record", "write", true,
    { KEPALA_OPD: OWN_OPD }),
  "case.returnByOpd": row("Mengembalikan usulan ke Draf", "record", "write", true,
    { KEPALA_OPD: OWN_OPD }),
  "case.verify": row("Memeriksa kelengkapan (daftar periksa verifikasi)", "record", "write", true,
    { STAF_KS: ALL, KABAG_KS: ALL }),
  "case.acceptVerification": row("Menyatakan usulan lengkap, diteruskan ke TKKSD", "record", "write", true,
    { KABAG_KS: ALL }),
  "case.requestRevision": row("Mengembalikan usulan untuk perbaikan", "record", "write", true,
    { KABAG_KS: ALL }),
  "case.giveTkksdOpinion": row("Memberi pendapat tertulis TKKSD (layak/tidak layak/perbaikan)", "record", "write", true,
    { TKKSD: UNDER_REVIEW }),
  "case.readTkksdOpinions": row("Membaca pendapat tertulis anggota TKKSD", "record", "read", true,
    { TKKSD: UNDER_REVIEW, STAF_KS: ALL, KABAG_KS: ALL, PIMPINAN: ALL }),
  "case.recordTkksdResult": row("Mencatat berita acara dan rekomendasi rapat TKKSD", "record", "write", true,
    { KABAG_KS: ALL }),
  "case.reject": row("Menolak usulan (Ditolak, alasan wajib)", "record", "write", true,
    { KABAG_KS: ALL }),
  "case.cancel": row("Membatalkan kerja sama (Batal, alasan wajib)", "record", "write", true,
    { KABAG_KS: ALL }),
  "case.recordOffer": row("Mencatat surat penawaran/surat jawaban Kepala Daerah", "record", "write", true,
    { STAF_KS: ALL, KABAG_KS: ALL }),
  "case.recordPartnerAnswer": row("Mencatat jawaban mitra atas penawaran", "record", "write", true,
    { STAF_KS: ALL, KABAG_KS: ALL }),
  "case.uploadDraft": row("Mengunggah versi draf naskah (KB/PKS/NK/MoU)", "record", "write", true,
    { OPERATOR_OPD: OWN_OPD, STAF_KS: ALL, KABAG_KS: ALL }),
  "case.finalizeDraft": row("Menetapkan draf naskah final", "record", "write", true,
    { STAF_KS: ALL, KABAG_KS: ALL }),
  "case.confirmSigning": row("Mengonfirmasi penandatanganan KB/PKS/NK/MoU", "record", "write", true,
    { KABAG_KS: ALL }),
  "case.recordDprdDecision": row("Mencatat keputusan/persetujuan DPRD", "record", "write", true,
    { KABAG_KS: ALL }),
  "case.recordLoi": row("Mencatat Letter of Intent (penjajakan)", "record", "write", true,
    { STAF_KS: ALL, KABAG_KS: ALL }),
  "case.recordKonsultasiKemendagri": row("Mencatat hasil konsultasi Kemendagri", "record", "write", true,
    { STAF_KS: ALL, KABAG_KS: ALL }),
  "case.recordPembahasanInterkementerian": row("Mencatat hasil pembahasan interkementerian", "record", "write", true,
    { STAF_KS: ALL, KABAG_KS: ALL }),
  "case.recordPersetujuanPusat": row("Mencatat persetujuan pusat dan surat kuasa penuh (full power)", "record", "write", true,
    { STAF_KS: ALL, KABAG_KS: ALL }),
  "case.startPksTurunan": row("Memulai PKS turunan di bawah KB yang aktif", "record", "write", true,
    { STAF_KS: ALL, KABAG_KS: ALL }),
  "case.registerPartnerInitiated": row("Mendaftarkan prakarsa mitra (KSDPK) dan disposisi ke OPD", "query", "write", true,
    { STAF_KS: ALL, KABAG_KS: ALL }),
  "case.close": row("Menutup kerja sama (Selesai) setelah laporan akhir ditelaah", "record", "write", true,
    { KABAG_KS: ALL }),

  // ── After signing (§5) ───────────────────────────────────────────────────────────────────
  "case.startAdendum": row("Memulai adendum", "record", "write", true,
    { OPERATOR_OPD: OWN_OPD, STAF_KS: ALL, KABAG_KS: ALL }),
  "case.confirmAdendumSigning": row("Mencatat adendum yang telah ditandatangani", "record", "write", true,
    { KABAG_KS: ALL }),
  "case.startPerpanjangan": row("Memulai perpanjangan (usulan baru dari kerja sama lama)", "record", "write", true,
    { OPERATOR_OPD: OWN_OPD, STAF_KS: ALL, KABAG_KS: ALL }),
  "case.recordPengakhiran": row("Mencatat pengakhiran kerja sama (dasar, tanggal, berita acara)", "record", "write", true,
    { KABAG_KS: ALL }),
  "legacy.register": row("Mendaftarkan kerja sama arsip (sudah ditandatangani)", "query", "write", true,
    { STAF_KS: ALL, KABAG_KS: ALL }),
  "legacy.import": row("Mengimpor kerja sama arsip dari berkas Excel", "query", "write", true,
    { STAF_KS: ALL, KABAG_KS: ALL }),

  // ── Monitoring and evaluation (§6) ───────────────────────────────────────────────────────
  "report.list": row("Melihat daftar laporan pelaksanaan", "query", "read", true,
    { OPERATOR_OPD: OWN_OPD, KEPALA_OPD: OWN_OPD, STAF_KS: ALL, KABAG_KS: ALL, PIMPINAN: ALL }),
  "report.read": row("Membuka laporan pelaksanaan satu kerja sama beserta buktinya", "record", "read", true,
    { OPERATOR_OPD: OWN_OPD, KEPALA_OPD: OWN_OPD, STAF_KS: ALL, KABAG_KS: ALL, PIMPINAN: ALL }),
  "report.submit": row("Menyusun, mengunggah bukti, dan mengirim laporan pelaksanaan (monev)", "record", "write", true,
    { OPERATOR_OPD: OWN_OPD }),
  "report.review": row("Menelaah laporan pelaksanaan: menilai 1–5 dengan catatan, atau mengembalikan untuk perbaikan", "record", "write", true,
    { STAF_KS: ALL, KABAG_KS: ALL }),

  // ── Documents (§8) ───────────────────────────────────────────────────────────────────────
  "document.upload": row("Mengunggah dokumen pada usulan/kerja sama", "record", "write", true,
    { OPERATOR_OPD: OWN_OPD, KEPALA_OPD: OWN_OPD, STAF_KS: ALL, KABAG_KS: ALL }),
  "document.read": row("Melihat dan mengunduh dokumen", "record", "read", true,
    { OPERATOR_OPD: OWN_OPD, KEPALA_OPD: OWN_OPD, STAF_KS: ALL, KABAG_KS: ALL, TKKSD: UNDER_REVIEW, PIMPINAN: ALL }),

  // ── Partners ─────────────────────────────────────────────────────────────────────────────
  // Partners (lib/partners): an unverified partner requested by an OPD is visible only to that OPD
  // and to Bagian KS until confirmed (lib/partners/visibility.ts); its cases and agreements on the
  // partner page follow the reader's register scope.
  "partner.read": row("Melihat data mitra, dokumen legalnya, serta kerja sama yang boleh dilihat", "query", "read", false,
    { OPERATOR_OPD: ALL, KEPALA_OPD: ALL, STAF_KS: ALL, KABAG_KS: ALL, TKKSD: ALL, PIMPINAN: ALL }),
  "partner.manage": row("Menambah, mengubah, memverifikasi, dan menggabungkan data mitra; mengunggah dokumen legal mitra", "system", "write", false,
    { STAF_KS: ALL, KABAG_KS: ALL }),
  "partner.request": row("Mengusulkan mitra baru dari formulir usulan (OPD: menunggu verifikasi Bagian Kerja Sama)", "query", "write", false,
    { OPERATOR_OPD: OWN_OPD, KEPALA_OPD: OWN_OPD, STAF_KS: ALL, KABAG_KS: ALL }),

  // ── Settings and administration (§10) ────────────────────────────────────────────────────
  // The settings page (/pengaturan, issue 8 §4) is for the Kepala Bagian Kerja Sama and the
  // Administrator; everyone else meets the settings' effects, not the page.
  "settings.read": row("Membuka halaman pengaturan (nilai dan riwayat perubahannya)", "system", "read", false,
    { KABAG_KS: ALL, ADMIN: ALL }),
  "settings.edit": row("Mengubah pengaturan aturan (pengingat, pemantauan, aturan naskah, pola nomor, dokumen wajib)", "system", "write", false,
    { KABAG_KS: ALL }),
  "settings.system.edit": row("Mengubah profil daerah dan kewajiban verifikasi dua langkah", "system", "write", false,
    { KABAG_KS: ALL, ADMIN: ALL }),
  "user.manage": row("Mengelola pengguna (buat, ubah, nonaktifkan, atur ulang sandi)", "system", "write", false,
    { ADMIN: ALL }),
  "opd.manage": row("Mengelola daftar OPD", "system", "write", false,
    { ADMIN: ALL }),
  "reference.manage": row("Mengelola data referensi (jenis dokumen, urusan, klasifikasi)", "system", "write", false,
    { ADMIN: ALL }),

  // ── Views and reporting ──────────────────────────────────────────────────────────────────
  "dashboard.view": row("Melihat dasbor", "query", "read", true,
    { OPERATOR_OPD: OWN_OPD, KEPALA_OPD: OWN_OPD, STAF_KS: ALL, KABAG_KS: ALL, TKKSD: UNDER_REVIEW, PIMPINAN: ALL }),
  // The register (Daftar Kerja Sama, lib/register/scope.ts): OPD users their OPD's cases at every
  // stage; Bagian KS and Pimpinan every case; a TKKSD member every concluded agreement plus the
  // cases under review. The list, its count and its export share this one scope.
  "register.view": row("Melihat register kerja sama (daftar kerja sama dan usulan)", "query", "read", true,
    { OPERATOR_OPD: OWN_OPD, KEPALA_OPD: OWN_OPD, STAF_KS: ALL, KABAG_KS: ALL, TKKSD: SIGNED_OR_UNDER_REVIEW, PIMPINAN: ALL }),
  "register.export": row("Mengekspor register sesuai filter (Excel/CSV)", "query", "read", true,
    { OPERATOR_OPD: OWN_OPD, KEPALA_OPD: OWN_OPD, STAF_KS: ALL, KABAG_KS: ALL, TKKSD: SIGNED_OR_UNDER_REVIEW, PIMPINAN: ALL }),
  "rekap.export": row("Mengekspor rekap untuk pelaporan ke Gubernur/Menteri", "system", "read", true,
    { STAF_KS: ALL, KABAG_KS: ALL, PIMPINAN: ALL }),
  "notification.read": row("Membaca notifikasi sendiri", "system", "self", false,
    { OPERATOR_OPD: ALL, KEPALA_OPD: ALL, STAF_KS: ALL, KABAG_KS: ALL, TKKSD: ALL, PIMPINAN: ALL, ADMIN: ALL }),
  "notification.manage": row("Menandai notifikasi sendiri telah dibaca dan memilih notifikasi yang dikirim lewat e-mail", "system", "self", false,
    { OPERATOR_OPD: ALL, KEPALA_OPD: ALL, STAF_KS: ALL, KABAG_KS: ALL, TKKSD: ALL, PIMPINAN: ALL, ADMIN: ALL }),
} as const satisfies Record<string, PolicyRow>;

export type Action = keyof typeof POLICY;
