"use client";

import { TextField } from "@/components/forms/fields";
import { FormErrorSummary } from "@/components/forms/form-error-summary";
import { useFormAction } from "@/components/forms/use-form-action";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormActionFn } from "@/lib/forms/action";
import { changePasswordSchema } from "@/lib/account/schemas";
import { PASSWORD_HINT } from "@/lib/validation/password-hint";

type Props = { action: FormActionFn };

export function ChangePasswordForm({ action }: Props) {
  const { form, fields, formAction, lastResult, pending } = useFormAction(action, changePasswordSchema, { id: "sandi" });
  return (
    <form id={form.id} onSubmit={form.onSubmit} action={formAction} noValidate className="space-y-5">
      <FormErrorSummary form={form} lastResult={lastResult} />
      <TextField meta={fields.currentPassword} label="Kata sandi saat ini" type="password" autoComplete="current-password" />
      <TextField meta={fields.newPassword} label="Kata sandi baru" type="password" autoComplete="new-password" hint={PASSWORD_HINT} />
      <TextField meta={fields.confirmPassword} label="Ulangi kata sandi baru" type="password" autoComplete="new-password" />
      <SubmitButton pending={pending} pendingLabel="Menyimpan…">
        Simpan Kata Sandi Baru
      </SubmitButton>
    </form>
  );
}
