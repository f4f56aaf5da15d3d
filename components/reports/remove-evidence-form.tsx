"use client";

import { useFormAction } from "@/components/forms/use-form-action";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormActionFn } from "@/lib/forms/action";
import { removeEvidenceSchema } from "@/lib/reports/schemas";

/** "Hapus" beside one evidence file that was not sent yet (a draft, or a returned report's new file). */
export function RemoveEvidenceForm({ action, reportId, documentId, label }: { action: FormActionFn; reportId: string; documentId: string; label: string }) {
  const { form, formAction, pending } = useFormAction(action, removeEvidenceSchema, {
    id: `hapus-${documentId}`,
    defaultValue: { reportId, documentId },
  });
  return (
    <form id={form.id} onSubmit={form.onSubmit} action={formAction} noValidate>
      <input type="hidden" name="reportId" value={reportId} />
      <input type="hidden" name="documentId" value={documentId} />
      {form.errors && <p className="mb-1 text-sm font-medium text-red-700">{form.errors.join(" ")}</p>}
      <SubmitButton pending={pending} variant="ghost" size="sm" pendingLabel="Menghapus…" aria-label={`Hapus ${label}`}>
        Hapus
      </SubmitButton>
    </form>
  );
}
