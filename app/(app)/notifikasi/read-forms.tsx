"use client";

import { FormErrorSummary } from "@/components/forms/form-error-summary";
import { useServerFormAction } from "@/components/forms/use-server-form-action";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormActionFn } from "@/lib/forms/action";

/*
 * Buttons without fields: nothing for the browser to validate, so no zod on this page
 * (useServerFormAction); markReadSchema / markAllReadSchema validate in the server actions.
 */

/** "Tandai dibaca" for one notification; its id travels in a hidden field. */
export function MarkReadForm({ action, id, title }: { action: FormActionFn; id: string; title: string }) {
  const { form, formAction, lastResult, pending } = useServerFormAction(action, { id: `baca-${id}`, constraint: {} });
  return (
    <form id={form.id} onSubmit={form.onSubmit} action={formAction} noValidate className="space-y-2">
      <FormErrorSummary form={form} lastResult={lastResult} />
      <input type="hidden" name="id" value={id} />
      <SubmitButton variant="secondary" size="sm" pending={pending} pendingLabel="Menandai…">
        Tandai dibaca<span className="sr-only">: {title}</span>
      </SubmitButton>
    </form>
  );
}

export function MarkAllReadForm({ action }: { action: FormActionFn }) {
  const { form, formAction, lastResult, pending } = useServerFormAction(action, { id: "baca-semua", constraint: {} });
  return (
    <form id={form.id} onSubmit={form.onSubmit} action={formAction} noValidate className="space-y-2">
      <FormErrorSummary form={form} lastResult={lastResult} />
      <SubmitButton variant="secondary" pending={pending} pendingLabel="Menandai…">
        Tandai Semua Dibaca
      </SubmitButton>
    </form>
  );
}
