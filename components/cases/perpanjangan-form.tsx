"use client";

import { FormErrorSummary } from "@/components/forms/form-error-summary";
import { useServerFormAction } from "@/components/forms/use-server-form-action";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormActionFn } from "@/lib/forms/action";

/**
 * Starts a perpanjangan: a new usulan pre-filled from this cooperation, at Draf (domain §5). Only a
 * hidden id: perpanjanganSchema validates in the server action (no zod in the page's bundle).
 */
export function PerpanjanganForm({ action, caseId, endDate }: { action: FormActionFn; caseId: string; endDate: string | null }) {
  const { form, formAction, lastResult, pending } = useServerFormAction(action, {
    id: "perpanjangan",
    constraint: {},
    defaultValue: { caseId },
  });
  return (
    <form id={form.id} onSubmit={form.onSubmit} action={formAction} noValidate className="space-y-4">
      <FormErrorSummary form={form} lastResult={lastResult} />
      <input type="hidden" name="caseId" value={caseId} />
      <div className="space-y-2 text-sm text-slate-800">
        <p>
          Perpanjangan menempuh seluruh tahapan lagi (PP 28/2018): dibuat usulan baru berisi data kerja sama ini dan hasil
          laporan pelaksanaan terakhirnya, mulai dari tahap Draf, untuk dilengkapi dan diajukan oleh OPD.
        </p>
        <p>Kerja sama yang sekarang tetap berlaku sampai {endDate ?? "akhir jangka waktunya"}.</p>
      </div>
      <SubmitButton pending={pending} pendingLabel="Membuat…">
        Mulai Perpanjangan
      </SubmitButton>
    </form>
  );
}
