"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { loginAction, type LoginState } from "./actions";

type Props = { initialMessage?: string; next?: string };

/** Two steps: password, then — for a user with a second factor — the verification code. */
export function LoginForm({ initialMessage, next }: Props) {
  const [state, action] = useActionState<LoginState, FormData>(loginAction, {
    step: "password",
    message: initialMessage,
    next,
  });
  const message = state.message && (
    <Alert tone="error" announce>
      {state.message}
    </Alert>
  );
  const nextField = state.next ? <input type="hidden" name="next" value={state.next} /> : null;

  if (state.step === "code") {
    return (
      <form action={action} className="space-y-5" noValidate key="code">
        <input type="hidden" name="step" value="code" />
        <input type="hidden" name="challenge" value={state.challenge ?? ""} />
        {nextField}
        <div className="space-y-1">
          <h3 className="text-base font-semibold text-slate-900">Verifikasi dua langkah</h3>
          <p className="text-sm text-slate-700">
            Masukkan kode 6 angka dari aplikasi autentikator untuk akun <strong>{state.username}</strong>, atau salah
            satu kode pemulihan Anda.
          </p>
        </div>
        {message}
        <Field id="code" label="Kode verifikasi" hint="Contoh: 123456, atau kode pemulihan ABCDE-FGHJK.">
          {(p) => (
            <Input
              {...p}
              name="code"
              autoComplete="one-time-code"
              autoCapitalize="characters"
              spellCheck={false}
              maxLength={32}
              required
              autoFocus
            />
          )}
        </Field>
        <SubmitButton className="w-full" size="lg" pendingLabel="Memeriksa…">
          Verifikasi
        </SubmitButton>
        <p className="text-center text-sm">
          <a href="/login" className="font-semibold text-brand-800 underline underline-offset-2">
            Batal, kembali ke halaman masuk
          </a>
        </p>
      </form>
    );
  }

  return (
    <form action={action} className="space-y-5" noValidate key="password">
      <input type="hidden" name="step" value="password" />
      {nextField}
      {message}
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
