"use client";

import { TextField } from "@/components/forms/fields";
import { FormErrorSummary } from "@/components/forms/form-error-summary";
import { useServerFormAction } from "@/components/forms/use-server-form-action";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import type { Constraint } from "@/lib/forms/constraints";
import { codeLoginAction, passwordLoginAction, type LoginReply } from "./actions";

/** HTML constraints of the two steps, from lib/auth/login-schemas.ts on the server (page.tsx). */
export type LoginConstraints = { password: Record<string, Constraint>; code: Record<string, Constraint> };

type Props = { initialMessage?: string; next?: string; constraints: LoginConstraints };

/**
 * Two steps: the password, then — for a user with a second factor — the verification code. The
 * schemas validate on the server only (useServerFormAction): no zod in the sign-in page's bundle.
 */
export function LoginForm({ initialMessage, next, constraints }: Props) {
  const { form, fields, formAction, lastResult, pending } = useServerFormAction(passwordLoginAction, {
    id: "masuk",
    constraint: constraints.password,
  });
  const reply = lastResult as LoginReply | undefined;
  if (reply?.challenge) return <CodeForm challenge={reply.challenge} username={reply.username ?? ""} next={next} constraint={constraints.code} />;
  return (
    <form id={form.id} onSubmit={form.onSubmit} action={formAction} noValidate className="space-y-5">
      {initialMessage && !lastResult && (
        <Alert tone="error" announce>
          {initialMessage}
        </Alert>
      )}
      <FormErrorSummary form={form} lastResult={lastResult} />
      {next && <input type="hidden" name="next" value={next} />}
      <TextField meta={fields.username} label="Nama pengguna" autoComplete="username" autoCapitalize="none" spellCheck={false} />
      <TextField meta={fields.password} label="Kata sandi" type="password" autoComplete="current-password" />
      <SubmitButton className="w-full" size="lg" pending={pending} pendingLabel="Memeriksa…">
        Masuk
      </SubmitButton>
    </form>
  );
}

function CodeForm({ challenge, username, next, constraint }: { challenge: string; username: string; next?: string; constraint: Record<string, Constraint> }) {
  const { form, fields, formAction, lastResult, pending } = useServerFormAction(codeLoginAction, { id: "verifikasi", constraint });
  return (
    <form id={form.id} onSubmit={form.onSubmit} action={formAction} noValidate className="space-y-5">
      <div className="space-y-1">
        <h3 className="text-base font-semibold text-slate-900">Verifikasi dua langkah</h3>
        <p className="text-sm text-slate-700">
          Masukkan kode 6 angka dari aplikasi autentikator untuk akun <strong>{username}</strong>, atau salah satu kode
          pemulihan Anda.
        </p>
      </div>
      <FormErrorSummary form={form} lastResult={lastResult} />
      <input type="hidden" name="challenge" value={challenge} />
      {next && <input type="hidden" name="next" value={next} />}
      <TextField
        meta={fields.code}
        label="Kode verifikasi"
        hint="Contoh: 123456, atau kode pemulihan seperti ABCDE-FGHJK."
        autoComplete="one-time-code"
        autoCapitalize="characters"
        spellCheck={false}
        autoFocus
      />
      <SubmitButton className="w-full" size="lg" pending={pending} pendingLabel="Memeriksa…">
        Verifikasi
      </SubmitButton>
      <p className="text-center text-sm">
        {/* A plain link: a fresh page starts the sign-in again (an expired code step needs that). */}
        <a href={next ? `/login?next=${encodeURIComponent(next)}` : "/login"} className="font-semibold text-brand-800 underline underline-offset-2">
          Kembali ke langkah kata sandi
        </a>
      </p>
    </form>
  );
}
