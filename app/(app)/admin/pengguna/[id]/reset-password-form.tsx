"use client";

import { TextField } from "@/components/forms/fields";
import { FormErrorSummary } from "@/components/forms/form-error-summary";
import { useFormAction } from "@/components/forms/use-form-action";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormActionFn } from "@/lib/forms/action";
import { passwordResetFormSchema } from "@/lib/validation/admin-extra";

/** Sets a new password chosen by the admin; passwords are never sent back to the browser. */
export function ResetPasswordForm({ action, userId }: { action: FormActionFn; userId: string }) {
  const { form, fields: f, formAction, lastResult, pending } = useFormAction(action, passwordResetFormSchema, {
    id: "sandi",
    defaultValue: { id: userId },
  });
  return (
    <form id={form.id} onSubmit={form.onSubmit} action={formAction} noValidate className="space-y-5">
      <FormErrorSummary form={form} lastResult={lastResult} />
      <input type="hidden" name="id" value={userId} />
      <div className="grid gap-5 md:grid-cols-2">
        <TextField
          meta={f.password}
          label="Kata sandi baru"
          type="password"
          autoComplete="new-password"
          hint="Minimal 12 karakter. Pengguna wajib menggantinya saat masuk berikutnya."
        />
        <TextField meta={f.confirmPassword} label="Ulangi kata sandi baru" type="password" autoComplete="new-password" />
      </div>
      <SubmitButton pending={pending} variant="danger" pendingLabel="Mengatur ulang…">
        Atur Ulang Kata Sandi
      </SubmitButton>
    </form>
  );
}
