"use client";

import { z } from "zod";
import { FormErrorSummary } from "@/components/forms/form-error-summary";
import { useFormAction } from "@/components/forms/use-form-action";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormActionFn } from "@/lib/forms/action";

const schema = z.object({ id: z.string() });

export function ResetSecondFactorForm({ action, userId }: { action: FormActionFn; userId: string }) {
  const { form, formAction, lastResult, pending } = useFormAction(action, schema, { id: "atur-ulang-2fa" });
  return (
    <form id={form.id} onSubmit={form.onSubmit} action={formAction} noValidate className="space-y-4">
      <FormErrorSummary form={form} lastResult={lastResult} />
      <input type="hidden" name="id" value={userId} />
      <SubmitButton variant="danger" pending={pending} pendingLabel="Mengatur ulang…">
        Atur Ulang Verifikasi Dua Langkah
      </SubmitButton>
    </form>
  );
}
