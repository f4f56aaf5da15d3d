// THE TRANSITION TABLE (domain.md §4, Permendagri 22/2020 and 25/2020). One row = one event a
// role may record in one stage, for the listed jenis. Read it beside the regulation:
//   from      the stage the case is in
//   event     what happened (the seed's history uses the same codes)
//   to        the next stage
//   roles     who may record it (OPD roles: only on their own OPD's cases)
//   action    the row of the authorization matrix (lib/auth/policy.ts) it belongs to
//   reason    a written reason is mandatory
//   leave     the documents required to leave `from` (settings, domain §8) must exist
//   leaveAs   check the documents of this stage instead of `from` (PERBAIKAN re-checks DRAF's)
//   docs      further documents this event needs
//   guards    further legal checks (lib/workflow/guards.ts)
import type { Role } from "@/lib/auth/roles";
import type { Action } from "@/lib/auth/policy";
import type { CaseKind, DocumentType, Effect, EventCode, Initiator, Stage } from "./types";
import type { GuardName } from "./guards";
import { ADENDUM_STAGES } from "./stages";

export interface Transition {
  kinds: readonly CaseKind[];
  from: Stage;
  event: EventCode;
  to: Stage | "DPRD_IF_REQUIRED_ELSE_PKS" | "DPRD_IF_REQUIRED_ELSE_ADENDUM_SIGNING";
  roles: readonly Role[];
  action: Action;
  label: string;
  initiator?: Initiator;
  reason?: boolean;
  leave?: boolean;
  leaveAs?: Stage;
  docs?: readonly DocumentType[];
  guards?: readonly GuardName[];
  effects?: readonly Effect[];
}

const REGION: CaseKind[] = ["KSDD", "KSDPK"];
const FOREIGN: CaseKind[] = ["KSDPL", "KSDLL"];
const ALL: CaseKind[] = ["KSDD", "KSDPK", "SINERGI", "KSDPL", "KSDLL"];
const KS: Role[] = ["STAF_KS", "KABAG_KS"];
const KABAG: Role[] = ["KABAG_KS"];

export const TRANSITIONS: readonly Transition[] = [
  // 1–3: proposal, approval by the Kepala OPD, verification by Bagian Kerja Sama
  { kinds: ALL, from: "DRAF", event: "ajukan", to: "PERSETUJUAN_OPD", roles: ["OPERATOR_OPD"], action: "case.submit",
    label: "Ajukan ke Kepala OPD", initiator: "DAERAH", leave: true, guards: ["formComplete", "partnerFits"] },
  { kinds: ["KSDPK"], from: "DRAF", event: "registrasi_penawaran_mitra", to: "VERIFIKASI", roles: KS,
    action: "case.registerPartnerInitiated", label: "Daftarkan Penawaran Mitra ke Verifikasi", initiator: "MITRA",
    docs: ["SURAT_PENAWARAN_MITRA", "STUDI_KELAYAKAN"], guards: ["formComplete", "partnerFits"] },
  { kinds: ALL, from: "PERSETUJUAN_OPD", event: "setujui", to: "VERIFIKASI", roles: ["KEPALA_OPD"],
    action: "case.approveByOpd", label: "Setujui dan Teruskan ke Bagian Kerja Sama", leave: true },
  { kinds: ALL, from: "PERSETUJUAN_OPD", event: "kembalikan", to: "DRAF", roles: ["KEPALA_OPD"],
    action: "case.returnByOpd", label: "Kembalikan ke Operator", reason: true },
  { kinds: ALL, from: "VERIFIKASI", event: "lengkap", to: "KAJIAN_TKKSD", roles: KABAG,
    action: "case.acceptVerification", label: "Nyatakan Lengkap dan Teruskan ke TKKSD", leave: true,
    guards: ["checklist", "partnerFits"] },
  { kinds: ALL, from: "VERIFIKASI", event: "perlu_perbaikan", to: "PERBAIKAN", roles: KABAG,
    action: "case.requestRevision", label: "Kembalikan untuk Perbaikan", reason: true },
  { kinds: ALL, from: "PERBAIKAN", event: "ajukan_ulang", to: "VERIFIKASI", roles: ["OPERATOR_OPD"],
    action: "case.resubmit", label: "Ajukan Ulang ke Verifikasi", initiator: "DAERAH", leave: true, leaveAs: "DRAF",
    guards: ["formComplete", "partnerFits"] },
  { kinds: ["KSDPK"], from: "PERBAIKAN", event: "ajukan_ulang", to: "VERIFIKASI", roles: KS,
    action: "case.registerPartnerInitiated", label: "Ajukan Ulang ke Verifikasi", initiator: "MITRA",
    docs: ["SURAT_PENAWARAN_MITRA", "STUDI_KELAYAKAN"], guards: ["formComplete", "partnerFits"] },

  // 4: TKKSD meeting — Kabag records the berita acara and the recommendation
  { kinds: REGION, from: "KAJIAN_TKKSD", event: "layak", to: "PENAWARAN", roles: KABAG,
    action: "case.recordTkksdResult", label: "Catat Hasil TKKSD: Layak", leave: true },
  { kinds: ["SINERGI"], from: "KAJIAN_TKKSD", event: "layak", to: "PENYUSUNAN_NK", roles: KABAG,
    action: "case.recordTkksdResult", label: "Catat Hasil TKKSD: Layak", leave: true },
  { kinds: FOREIGN, from: "KAJIAN_TKKSD", event: "layak", to: "PENJAJAKAN_LOI", roles: KABAG,
    action: "case.recordTkksdResult", label: "Catat Hasil TKKSD: Layak", leave: true },
  { kinds: ALL, from: "KAJIAN_TKKSD", event: "tidak_layak", to: "DITOLAK", roles: KABAG, action: "case.reject",
    label: "Catat Hasil TKKSD: Tidak Layak (Tolak)", reason: true, docs: ["BERITA_ACARA_TKKSD"] },
  { kinds: ALL, from: "KAJIAN_TKKSD", event: "perlu_perbaikan", to: "PERBAIKAN", roles: KABAG,
    action: "case.recordTkksdResult", label: "Catat Hasil TKKSD: Perlu Perbaikan", reason: true,
    docs: ["BERITA_ACARA_TKKSD"] },

  // 5–10: offer, KB, DPRD, PKS (KSDD and KSDPK)
  { kinds: REGION, from: "PENAWARAN", event: "mitra_setuju", to: "PENYUSUNAN_KB", roles: KS,
    action: "case.recordPartnerAnswer", label: "Catat Mitra Setuju", leave: true },
  { kinds: REGION, from: "PENAWARAN", event: "mitra_menolak", to: "BATAL", roles: KS,
    action: "case.recordPartnerAnswer", label: "Catat Mitra Menolak", reason: true, docs: ["SURAT_JAWABAN"] },
  { kinds: REGION, from: "PENAWARAN", event: "batal", to: "BATAL", roles: KABAG, action: "case.cancel",
    label: "Batalkan (Tidak Ada Jawaban Mitra)", reason: true },
  { kinds: REGION, from: "PENYUSUNAN_KB", event: "final", to: "PENANDATANGANAN_KB", roles: KS,
    action: "case.finalizeDraft", label: "Tetapkan Draf KB Final", leave: true },
  { kinds: REGION, from: "PENANDATANGANAN_KB", event: "tandatangani", to: "DPRD_IF_REQUIRED_ELSE_PKS", roles: KABAG,
    action: "case.confirmSigning", label: "Catat Penandatanganan KB", leave: true, guards: ["signKb"],
    effects: [{ kind: "CREATE_AGREEMENT", type: "KB" }] },
  { kinds: REGION, from: "PERSETUJUAN_DPRD", event: "dprd_setuju", to: "PENYUSUNAN_PKS", roles: KABAG,
    action: "case.recordDprdDecision", label: "Catat Persetujuan DPRD", leave: true, guards: ["dprdData"],
    effects: [{ kind: "RECORD_DPRD_DECISION" }] },
  { kinds: [...REGION, ...FOREIGN], from: "PERSETUJUAN_DPRD", event: "dprd_tolak", to: "DITOLAK_DPRD", roles: KABAG,
    action: "case.recordDprdDecision", label: "Catat Penolakan DPRD", reason: true, leave: true, guards: ["dprdData"],
    effects: [{ kind: "END_AGREEMENTS", status: "DITOLAK_DPRD" }] },
  { kinds: REGION, from: "PENYUSUNAN_PKS", event: "final", to: "PENANDATANGANAN_PKS", roles: KS,
    action: "case.finalizeDraft", label: "Tetapkan Draf PKS Final", leave: true, guards: ["dprdDecided", "kbInForce"] },
  { kinds: REGION, from: "PENANDATANGANAN_PKS", event: "tandatangani", to: "PELAKSANAAN", roles: KABAG,
    action: "case.confirmSigning", label: "Catat Penandatanganan PKS", leave: true, guards: ["kbInForce", "signPks"],
    effects: [{ kind: "CREATE_AGREEMENT", type: "PKS" }] },

  // SINERGI: Nota Kesepakatan + Rencana Kerja
  { kinds: ["SINERGI"], from: "PENYUSUNAN_NK", event: "final", to: "PENANDATANGANAN_NK", roles: KS,
    action: "case.finalizeDraft", label: "Tetapkan Draf NK dan Rencana Kerja Final", leave: true },
  { kinds: ["SINERGI"], from: "PENANDATANGANAN_NK", event: "tandatangani", to: "PELAKSANAAN", roles: KABAG,
    action: "case.confirmSigning", label: "Catat Penandatanganan NK", leave: true, guards: ["signHead"],
    effects: [{ kind: "CREATE_AGREEMENT", type: "NK" }] },

  // KSDPL / KSDLL (Permendagri 25/2020)
  { kinds: FOREIGN, from: "PENJAJAKAN_LOI", event: "loi_ditandatangani", to: "KONSULTASI_KEMENDAGRI", roles: KS,
    action: "case.recordLoi", label: "Catat Letter of Intent", leave: true, guards: ["signLoi"],
    effects: [{ kind: "CREATE_AGREEMENT", type: "LOI" }] },
  { kinds: FOREIGN, from: "KONSULTASI_KEMENDAGRI", event: "konsultasi_selesai", to: "PERSETUJUAN_DPRD", roles: KS,
    action: "case.recordKonsultasiKemendagri", label: "Catat Hasil Konsultasi Kemendagri", leave: true },
  { kinds: FOREIGN, from: "PERSETUJUAN_DPRD", event: "dprd_setuju", to: "PEMBAHASAN_INTERKEMENTERIAN", roles: KABAG,
    action: "case.recordDprdDecision", label: "Catat Persetujuan DPRD", leave: true, guards: ["dprdData"],
    effects: [{ kind: "RECORD_DPRD_DECISION" }] },
  { kinds: FOREIGN, from: "PEMBAHASAN_INTERKEMENTERIAN", event: "pembahasan_selesai", to: "PERSETUJUAN_PUSAT",
    roles: KS, action: "case.recordPembahasanInterkementerian", label: "Catat Hasil Pembahasan Interkementerian",
    leave: true },
  { kinds: FOREIGN, from: "PERSETUJUAN_PUSAT", event: "pusat_setuju", to: "PENANDATANGANAN_MOU", roles: KS,
    action: "case.recordPersetujuanPusat", label: "Catat Persetujuan Pusat dan Full Power", leave: true },
  { kinds: FOREIGN, from: "PENANDATANGANAN_MOU", event: "tandatangani", to: "PELAKSANAAN", roles: KABAG,
    action: "case.confirmSigning", label: "Catat Penandatanganan MoU", leave: true,
    guards: ["centralApproval", "signMou"], effects: [{ kind: "CREATE_AGREEMENT", type: "MOU" }] },

  // 11–12: implementation and closure
  { kinds: ALL, from: "PELAKSANAAN", event: "berakhir", to: "BERAKHIR", roles: KABAG, action: "case.close",
    label: "Tandai Berakhir (Jangka Waktu Habis)", guards: ["ended"], effects: [{ kind: "END_AGREEMENTS", status: "BERAKHIR" }] },
  { kinds: ALL, from: "PELAKSANAAN", event: "akhiri", to: "DIAKHIRI", roles: KABAG, action: "case.recordPengakhiran",
    label: "Catat Pengakhiran", reason: true, docs: ["BERITA_ACARA_PENGAKHIRAN"], guards: ["termination"],
    effects: [{ kind: "END_AGREEMENTS", status: "DIAKHIRI" }] },
  { kinds: ALL, from: "BERAKHIR", event: "selesai", to: "SELESAI", roles: KABAG, action: "case.close",
    label: "Tutup (Laporan Akhir Telah Ditelaah)", leave: true, guards: ["finalReportReviewed"] },

  // 13: adendum (domain §5) — the running naskah is amended: draft → TKKSD review → the DPRD again
  // when the change adds a burden or an unbudgeted cost → signed with its own two numbers → back to
  // PELAKSANAAN with version + 1. The documents of an adendum are those uploaded in its own round.
  { kinds: ALL, from: "PELAKSANAAN", event: "mulai_adendum", to: "ADENDUM_PENYUSUNAN", roles: ["OPERATOR_OPD", ...KS],
    action: "case.startAdendum", label: "Mulai Adendum", guards: ["runningInForce", "adendumData"], effects: [{ kind: "START_ADENDUM" }] },
  { kinds: ALL, from: "ADENDUM_PENYUSUNAN", event: "final", to: "ADENDUM_KAJIAN", roles: KS,
    action: "case.finalizeDraft", label: "Tetapkan Draf Adendum Final dan Teruskan ke TKKSD", leave: true },
  { kinds: ALL, from: "ADENDUM_PENYUSUNAN", event: "batalkan_adendum", to: "PELAKSANAAN", roles: KABAG,
    action: "case.cancel", label: "Batalkan Adendum", reason: true, effects: [{ kind: "CLOSE_ADENDUM", status: "BATAL" }] },
  { kinds: ALL, from: "ADENDUM_KAJIAN", event: "layak", to: "DPRD_IF_REQUIRED_ELSE_ADENDUM_SIGNING", roles: KABAG,
    action: "case.recordTkksdResult", label: "Catat Hasil TKKSD: Adendum Layak", leave: true },
  { kinds: ALL, from: "ADENDUM_KAJIAN", event: "perlu_perbaikan", to: "ADENDUM_PENYUSUNAN", roles: KABAG,
    action: "case.recordTkksdResult", label: "Catat Hasil TKKSD: Adendum Perlu Perbaikan", reason: true,
    docs: ["BERITA_ACARA_TKKSD"] },
  { kinds: ALL, from: "ADENDUM_KAJIAN", event: "tidak_layak", to: "PELAKSANAAN", roles: KABAG,
    action: "case.recordTkksdResult", label: "Catat Hasil TKKSD: Adendum Tidak Layak", reason: true,
    docs: ["BERITA_ACARA_TKKSD"], effects: [{ kind: "CLOSE_ADENDUM", status: "BATAL" }] },
  { kinds: ALL, from: "ADENDUM_DPRD", event: "dprd_setuju", to: "ADENDUM_PENANDATANGANAN", roles: KABAG,
    action: "case.recordDprdDecision", label: "Catat Persetujuan DPRD atas Adendum", leave: true, guards: ["dprdData"],
    effects: [{ kind: "RECORD_ADENDUM_DPRD" }] },
  { kinds: ALL, from: "ADENDUM_DPRD", event: "dprd_tolak", to: "PELAKSANAAN", roles: KABAG,
    action: "case.recordDprdDecision", label: "Catat Penolakan DPRD atas Adendum", reason: true, leave: true,
    guards: ["dprdData"], effects: [{ kind: "CLOSE_ADENDUM", status: "DITOLAK_DPRD" }] },
  { kinds: ALL, from: "ADENDUM_PENANDATANGANAN", event: "tandatangani", to: "PELAKSANAAN", roles: KABAG,
    action: "case.confirmAdendumSigning", label: "Catat Penandatanganan Adendum", leave: true, guards: ["signAdendum"],
    effects: [{ kind: "SIGN_ADENDUM" }] },
  // The end of the naskah's period overtakes an adendum still in progress: it never takes force.
  ...ADENDUM_STAGES.map((from): Transition => ({
    kinds: ALL, from, event: "berakhir", to: "BERAKHIR", roles: KABAG, action: "case.close",
    label: "Tandai Berakhir (Jangka Waktu Habis)", guards: ["ended"],
    effects: [{ kind: "CLOSE_ADENDUM", status: "BATAL" }, { kind: "END_AGREEMENTS", status: "BERAKHIR" }],
  })),
];

/** Events whose note is shown to the OPD as "the reason" (PERBAIKAN, DITOLAK, BATAL, DITOLAK_DPRD…). */
export const REASON_EVENTS: readonly EventCode[] = [
  ...new Set(TRANSITIONS.filter((t) => t.reason).map((t) => t.event)),
];
