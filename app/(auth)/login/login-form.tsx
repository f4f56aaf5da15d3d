"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { loginAction, type LoginState } from "./actions";

export function LoginForm({ initialMessage }: { initialMessage?: string }) {
  const [state, action] = useActionState<LoginState, FormData>(loginAction, { message: initialMessage });
  return (
    <form action={action} className="space-y-5" noValidate>
      {state.message && (
        <Alert tone="error" announce>
          {state.message}
        </Alert>
      )}
      <Field id="username" label="Nama pengguna">
        {(p) => (
          <Input
            {...p}
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            defaultValue={state.username}
            required
          />
        )}
      </Field>
      <Field id="password" label="Kata sandi">
        {(p) => <Input {...p} name="password" type="password" autoComplete="current-password" required />}
      </Field>
      <SubmitButton className="w-full" size="lg" pendingLabel="Memeriksa…">
        Masuk
      </SubmitButton>
    </form>
  );
}
