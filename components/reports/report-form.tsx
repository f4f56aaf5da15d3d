"use client";

import { useState } from "react";
import { RadioGroupField, TextareaField } from "@/components/forms/fields";
import { FormErrorSummary } from "@/components/forms/form-error-summary";
import { useFormAction } from "@/components/forms/use-form-action";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormActionFn } from "@/lib/forms/action";
import { reportSchema } from "@/lib/reports/schemas";
import { REALIZATION_LABELS, RECOMMENDATION_LABELS } from "./labels";

export type ReportFormValues = {
  realization?: string;
  outputAchieved?: string;
  benefits?: string | null;
  obstacles?: string | null;
  followUp?: string | null;
  recommendation?: string;
};

export type ReportFormProps = {
  /** saveReportAction of the report page. */
  action: FormActionFn;
  caseId: string;
  period: string;
  /** The saved report (id and version travel in hidden fields: the optimistic lock). */
  report?: { id: string; version: number } & ReportFormValues;
  /** Whether the period's report may be sent now (else only saved as a draft). */
  maySend: boolean;
  /** Why it cannot be sent yet, shown beside the buttons. */
  sendHint?: string;
};

const REALIZATION_CHOICES = (["PENUH", "SEBAGIAN", "TIDAK"] as const).map((v) => ({ value: v, label: REALIZATION_LABELS[v] }));
const RECOMMENDATION_CHOICES = [
  { value: "LANJUTKAN", label: RECOMMENDATION_LABELS.LANJUTKAN, hint: "Kerja sama berjalan baik dan layak diteruskan." },
  { value: "PERBAIKI", label: RECOMMENDATION_LABELS.PERBAIKI, hint: "Pelaksanaan perlu dibenahi bersama mitra." },
  { value: "HENTIKAN", label: RECOMMENDATION_LABELS.HENTIKAN, hint: "Kerja sama tidak lagi bermanfaat; usulkan pengakhiran." },
] as const;

/**
 * The OPD's report of one period (domain §6): realisasi, capaian output, manfaat, kendala, tindak
 * lanjut and rekomendasi. "Simpan Draf" keeps it editable; "Kirim Laporan" sends it to Bagian Kerja
 * Sama, after which it is read-only unless returned. The same schema checks both in the browser.
 */
export function ReportForm({ action, caseId, period, report, maySend, sendHint }: ReportFormProps) {
  const [pressed, setPressed] = useState<"draf" | "kirim">("draf");
  const { form, fields, formAction, lastResult, pending } = useFormAction(action, reportSchema, {
    id: "laporan",
    defaultValue: {
      caseId, period,
      ...(report ? { reportId: report.id, version: String(report.version) } : {}),
      realization: report?.realization,
      outputAchieved: report?.outputAchieved,
      benefits: report?.benefits ?? undefined,
      obstacles: report?.obstacles ?? undefined,
      followUp: report?.followUp ?? undefined,
      recommendation: report?.recommendation,
    },
  });
  return (
    <form id={form.id} onSubmit={form.onSubmit} action={formAction} noValidate className="space-y-5">
      <FormErrorSummary form={form} lastResult={lastResult} />
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="period" value={period} />
      {report && (
        <>
          <input type="hidden" name="reportId" value={report.id} />
          <input type="hidden" name="version" value={report.version} />
        </>
      )}
      <RadioGroupField meta={fields.realization} label="Realisasi kegiatan" choices={REALIZATION_CHOICES} inline />
      <TextareaField
        meta={fields.outputAchieved}
        label="Capaian output"
        rows={4}
        hint="Keluaran yang tercapai pada periode ini, sebisa mungkin dengan angka (jumlah kegiatan, peserta, layanan)."
      />
      <TextareaField meta={fields.benefits} label="Manfaat" required hint="Manfaat yang dirasakan masyarakat atau perangkat daerah." />
      <TextareaField meta={fields.obstacles} label="Kendala" required hint='Tulis "Tidak ada kendala" bila memang tidak ada.' />
      <TextareaField meta={fields.followUp} label="Tindak lanjut" required hint="Langkah yang akan diambil pada periode berikutnya." />
      <RadioGroupField meta={fields.recommendation} label="Rekomendasi" choices={RECOMMENDATION_CHOICES} />
      <p className="text-sm text-slate-700">
        Manfaat, Kendala, dan Tindak lanjut wajib diisi saat laporan dikirim; draf dapat disimpan tanpa ketiganya.
      </p>
      <div className="flex flex-wrap items-center gap-3 border-t border-slate-200 pt-4">
        <SubmitButton name="intent" value="draf" variant="secondary" onClick={() => setPressed("draf")}
          pending={pending && pressed === "draf"} disabled={pending} pendingLabel="Menyimpan…">
          Simpan Draf
        </SubmitButton>
        {maySend && (
          <SubmitButton name="intent" value="kirim" onClick={() => setPressed("kirim")}
            pending={pending && pressed === "kirim"} disabled={pending} pendingLabel="Mengirim…">
            Kirim Laporan
          </SubmitButton>
        )}
        {!maySend && sendHint && <p className="text-sm text-slate-700">{sendHint}</p>}
      </div>
    </form>
  );
}
