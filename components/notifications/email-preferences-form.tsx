"use client";

import { CheckboxField } from "@/components/forms/fields";
import { FormErrorSummary } from "@/components/forms/form-error-summary";
import { useFormAction } from "@/components/forms/use-form-action";
import { FieldSet } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormActionFn } from "@/lib/forms/action";
import type { NotificationKind } from "@/lib/generated/prisma/enums";
import { NOTIFICATION_KIND_LABELS, NOTIFICATION_KINDS } from "@/lib/notifications/kinds";
import { emailPreferencesSchema } from "@/lib/notifications/schemas";

/** Akun Saya → which notifications also come by e-mail (every one always appears in the app). */
export function EmailPreferencesForm({ action, optOut }: { action: FormActionFn; optOut: readonly NotificationKind[] }) {
  const defaultValue = Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, optOut.includes(k) ? undefined : "on"]));
  const { form, fields, formAction, lastResult, pending } = useFormAction(action, emailPreferencesSchema, {
    id: "preferensi-email", defaultValue,
  });
  return (
    <form id={form.id} onSubmit={form.onSubmit} action={formAction} noValidate className="space-y-4">
      <FormErrorSummary form={form} lastResult={lastResult} />
      <FieldSet id="jenis-email" legend="Kirimkan lewat e-mail">
        <div className="space-y-2">
          {NOTIFICATION_KINDS.map((k) => (
            <CheckboxField key={k} meta={fields[k]} label={NOTIFICATION_KIND_LABELS[k]} />
          ))}
        </div>
      </FieldSet>
      <SubmitButton pending={pending}>Simpan Pilihan E-mail</SubmitButton>
    </form>
  );
}
