"use client";

import { z } from "zod";
import { FormErrorSummary } from "@/components/forms/form-error-summary";
import { useFormAction } from "@/components/forms/use-form-action";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormActionFn } from "@/lib/forms/action";

const noFields = z.object({});

export function EndOtherSessionsForm({ action }: { action: FormActionFn }) {
  const { form, formAction, lastResult, pending } = useFormAction(action, noFields, { id: "sesi" });
  return (
    <form id={form.id} onSubmit={form.onSubmit} action={formAction} noValidate className="space-y-3">
      <FormErrorSummary form={form} lastResult={lastResult} />
      <SubmitButton variant="secondary" pending={pending} pendingLabel="Mengakhiri…">
        Keluar dari Semua Perangkat Lain
      </SubmitButton>
    </form>
  );
}
