"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormState } from "@/lib/validation/admin-extra";
import { PASSWORD_HINT } from "@/lib/validation/password-hint";
import { FormErrorSummary } from "@/components/ui/form-error-summary";

const P = "sandi";

type Props = { action: (state: FormState, formData: FormData) => Promise<FormState> };

/** Sets a new password chosen by the admin; passwords are never sent back to the browser. */
export function ResetPasswordForm({ action }: Props) {
  const [state, formAction] = useActionState(action, {});
  const err = state.fieldErrors ?? {};
  return (
    <form action={formAction} noValidate className="space-y-5">
      <FormErrorSummary state={state} idPrefix={P} />
      <div className="grid gap-5 md:grid-cols-2">
        <Field
          id={`${P}-password`}
          label="Kata sandi baru"
          required
          error={err.password}
          hint={PASSWORD_HINT}
        >
          {(p) => <Input {...p} name="password" type="password" autoComplete="new-password" maxLength={128} />}
        </Field>
        <Field id={`${P}-confirmPassword`} label="Ulangi kata sandi baru" required error={err.confirmPassword}>
          {(p) => <Input {...p} name="confirmPassword" type="password" autoComplete="new-password" maxLength={128} />}
        </Field>
      </div>
      <SubmitButton variant="danger" pendingLabel="Mengatur ulang…">
        Atur Ulang Kata Sandi
      </SubmitButton>
    </form>
  );
}
