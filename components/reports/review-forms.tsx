"use client";

import { RadioGroupField, TextareaField } from "@/components/forms/fields";
import { FormErrorSummary } from "@/components/forms/form-error-summary";
import { useFormAction } from "@/components/forms/use-form-action";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormActionFn } from "@/lib/forms/action";
import { returnSchema, reviewSchema } from "@/lib/reports/schemas";

type Props = { action: FormActionFn; reportId: string; version: number };

const RATINGS = [
  { value: "1", label: "1 — Sangat kurang" },
  { value: "2", label: "2 — Kurang" },
  { value: "3", label: "3 — Cukup" },
  { value: "4", label: "4 — Baik" },
  { value: "5", label: "5 — Sangat baik" },
] as const;

/** Bagian Kerja Sama's review: a rating 1–5 and a note. The report is final afterwards. */
export function ReviewForm({ action, reportId, version }: Props) {
  const { form, fields, formAction, lastResult, pending } = useFormAction(action, reviewSchema, {
    id: "telaah",
    defaultValue: { reportId, version: String(version) },
  });
  return (
    <form id={form.id} onSubmit={form.onSubmit} action={formAction} noValidate className="space-y-5">
      <FormErrorSummary form={form} lastResult={lastResult} />
      <input type="hidden" name="reportId" value={reportId} />
      <input type="hidden" name="version" value={version} />
      <RadioGroupField meta={fields.rating} label="Nilai laporan" choices={RATINGS} inline />
      <TextareaField
        meta={fields.reviewNote}
        label="Catatan telaah"
        rows={3}
        hint="Dibaca OPD pelaksana dan dipakai saat perpanjangan atau evaluasi kerja sama."
      />
      <SubmitButton pending={pending} pendingLabel="Menyimpan…">
        Simpan Telaah
      </SubmitButton>
    </form>
  );
}

/** Returning the report to the OPD for revision, with the reason it must address. */
export function ReturnForm({ action, reportId, version }: Props) {
  const { form, fields, formAction, lastResult, pending } = useFormAction(action, returnSchema, {
    id: "kembalikan",
    defaultValue: { reportId, version: String(version) },
  });
  return (
    <form id={form.id} onSubmit={form.onSubmit} action={formAction} noValidate className="space-y-5">
      <FormErrorSummary form={form} lastResult={lastResult} />
      <input type="hidden" name="reportId" value={reportId} />
      <input type="hidden" name="version" value={version} />
      <TextareaField
        meta={fields.reason}
        label="Alasan pengembalian"
        rows={3}
        hint="Sebutkan apa yang harus diperbaiki atau dilengkapi OPD; alasan ini tampil pada laporan."
      />
      <SubmitButton pending={pending} variant="secondary" pendingLabel="Mengembalikan…">
        Kembalikan untuk Perbaikan
      </SubmitButton>
    </form>
  );
}
