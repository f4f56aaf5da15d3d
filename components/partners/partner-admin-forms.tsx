"use client";

import { CheckboxField, RadioGroupField } from "@/components/forms/fields";
import { FormErrorSummary } from "@/components/forms/form-error-summary";
import { useFormAction } from "@/components/forms/use-form-action";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormActionFn } from "@/lib/forms/action";
import { partnerMergeSchema, partnerVerifySchema } from "@/lib/partners/schemas";

/** Confirms an OPD's request (the partner becomes available to every OPD). */
export function VerifyPartnerForm({ action, id, version }: { action: FormActionFn; id: string; version: string }) {
  const { form, formAction, lastResult, pending } = useFormAction(action, partnerVerifySchema, { id: "verifikasi-mitra" });
  return (
    <form id={form.id} onSubmit={form.onSubmit} action={formAction} noValidate className="space-y-3">
      <FormErrorSummary form={form} lastResult={lastResult} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <SubmitButton pending={pending} pendingLabel="Memverifikasi…">Konfirmasi Mitra</SubmitButton>
    </form>
  );
}

export type MergeCandidate = { id: string; name: string; detail: string };

/** Merges this partner into a confirmed one chosen from the candidates (similar names or a search). */
export function MergePartnerForm({
  action, id, version, candidates,
}: { action: FormActionFn; id: string; version: string; candidates: MergeCandidate[] }) {
  const { form, fields, formAction, lastResult, pending } = useFormAction(action, partnerMergeSchema, { id: "gabung-mitra" });
  return (
    <form id={form.id} onSubmit={form.onSubmit} action={formAction} noValidate className="space-y-4">
      <FormErrorSummary form={form} lastResult={lastResult} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <RadioGroupField
        meta={fields.targetId}
        label="Mitra tujuan"
        required
        choices={candidates.map((c) => ({ value: c.id, label: c.name, hint: c.detail }))}
      />
      <CheckboxField
        meta={fields.confirm}
        label="Keduanya adalah mitra yang sama"
        hint="Semua usulan, naskah, dan dokumen legal mitra ini dipindahkan ke mitra tujuan; mitra ini lalu dihapus dari daftar. Penggabungan tercatat di jejak audit."
      />
      <SubmitButton pending={pending} pendingLabel="Menggabungkan…" variant="danger">Gabungkan ke Mitra Tujuan</SubmitButton>
    </form>
  );
}
