import type { ReactNode } from "react";
import type { Realization, ReportRecommendation } from "@/lib/generated/prisma/enums";
import { REALIZATION_LABELS, RECOMMENDATION_LABELS } from "./labels";

export type ReportContent = {
  realization: Realization;
  outputAchieved: string;
  benefits: string | null;
  obstacles: string | null;
  followUp: string | null;
  recommendation: ReportRecommendation;
};

function Row({ label, children, wide = false }: { label: string; children: ReactNode; wide?: boolean }) {
  return (
    <div className={wide ? "sm:col-span-2" : undefined}>
      <dt className="text-sm font-semibold text-slate-900">{label}</dt>
      <dd className="mt-0.5 text-sm whitespace-pre-line break-words text-slate-800">{children}</dd>
    </div>
  );
}

/** A sent report, read-only (domain §6: realisasi, capaian, manfaat, kendala, tindak lanjut, rekomendasi). */
export function ReportView({ report }: { report: ReportContent }) {
  return (
    <dl className="grid gap-x-8 gap-y-4 sm:grid-cols-2">
      <Row label="Realisasi kegiatan">{REALIZATION_LABELS[report.realization]}</Row>
      <Row label="Rekomendasi">{RECOMMENDATION_LABELS[report.recommendation]}</Row>
      <Row label="Capaian output" wide>{report.outputAchieved}</Row>
      <Row label="Manfaat" wide>{report.benefits ?? "—"}</Row>
      <Row label="Kendala">{report.obstacles ?? "—"}</Row>
      <Row label="Tindak lanjut">{report.followUp ?? "—"}</Row>
    </dl>
  );
}
