import type { NotificationKind } from "@/lib/generated/prisma/enums";

/** Indonesian names of the notification kinds (the list page and the e-mail preferences). */
export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  PERLU_TINDAKAN: "Usulan menunggu tindakan saya",
  TAHAPAN_BERUBAH: "Tahapan usulan berubah",
  TAHAPAN_TERLALU_LAMA: "Usulan tertahan terlalu lama pada satu tahapan",
  AKAN_BERAKHIR: "Kerja sama akan berakhir",
  LAPORAN_JATUH_TEMPO: "Laporan pelaksanaan jatuh tempo",
  LAPORAN_TERLAMBAT: "Laporan pelaksanaan terlambat",
  KB_TANPA_PKS: "Kesepakatan Bersama belum ditindaklanjuti PKS",
};

export const NOTIFICATION_KINDS = Object.keys(NOTIFICATION_KIND_LABELS) as NotificationKind[];

/** Where a notification leads: the case page for work on a case, the agreement page otherwise. */
export function notificationHref(n: { kind: NotificationKind; caseId: string | null }): string | null {
  if (!n.caseId) return null;
  const id = encodeURIComponent(n.caseId);
  return n.kind === "PERLU_TINDAKAN" || n.kind === "TAHAPAN_BERUBAH" || n.kind === "TAHAPAN_TERLALU_LAMA"
    ? `/usulan/${id}`
    : `/kerja-sama/${id}`;
}
