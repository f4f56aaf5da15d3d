import type { BadgeTone } from "@/components/ui/badge";
import type { Realization, ReportRecommendation } from "@/lib/generated/prisma/enums";
import type { PeriodStatus } from "@/lib/reports/periods";

export { PERIOD_STATUS_LABELS } from "@/lib/reports/periods";

/** Text carries the meaning; the tone only reinforces it. */
export const PERIOD_STATUS_TONES: Record<PeriodStatus, BadgeTone> = {
  BELUM_JATUH_TEMPO: "neutral",
  JATUH_TEMPO: "warning",
  TERLAMBAT: "danger",
  DIKIRIM: "info",
  DITINJAU: "success",
  DIKEMBALIKAN: "warning",
};

export const REALIZATION_LABELS: Record<Realization, string> = {
  PENUH: "Terlaksana penuh",
  SEBAGIAN: "Terlaksana sebagian",
  TIDAK: "Tidak terlaksana",
};

export const RECOMMENDATION_LABELS: Record<ReportRecommendation, string> = {
  LANJUTKAN: "Lanjutkan",
  PERBAIKI: "Perbaiki pelaksanaan",
  HENTIKAN: "Hentikan kerja sama",
};

/** What each audited step of a report's review cycle says in its history. */
export const REPORT_HISTORY_LABELS: Record<string, string> = {
  "report.submit": "Laporan dikirim",
  "report.resubmit": "Laporan dikirim ulang setelah perbaikan",
  "report.return": "Dikembalikan untuk perbaikan",
  "report.review": "Ditelaah dan dinilai",
};
