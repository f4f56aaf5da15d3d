import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PENDING_STEP_PATH, safeNextPath } from "@/lib/auth/account-rule";
import { getSession } from "@/lib/auth/session";
import { loginMessage } from "@/lib/auth/login-messages";
import { codeStepSchema, passwordStepSchema } from "@/lib/auth/login-schemas";
import { formConstraints } from "@/lib/forms/constraints";
import { getSettings } from "@/lib/settings/service";
import { LoginForm, type LoginConstraints } from "./login-form";

export const metadata: Metadata = { title: "Masuk" };

type Props = { searchParams: Promise<{ error?: string | string[]; code?: string | string[]; next?: string | string[] }> };

// Computed here, on the server: the sign-in page's bundle carries no zod (login-form.tsx).
const constraints: LoginConstraints = { password: formConstraints(passwordStepSchema), code: formConstraints(codeStepSchema) };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function LoginPage({ searchParams }: Props) {
  const [params, session] = await Promise.all([searchParams, getSession()]);
  // Only a same-origin path is ever followed after signing in (no //host, /\host or scheme).
  const next = safeNextPath(first(params.next));
  if (session) redirect(session.pending ? PENDING_STEP_PATH[session.pending] : next);
  const settings = await getSettings();
  // A sign-in posted straight to /api/auth/callback/credentials comes back here with ?error=&code=.
  const code = first(params.code);
  const initialMessage = first(params.error) ? loginMessage(code?.startsWith("throttled:") ? code : undefined) : undefined;
  return (
    <main id="konten" className="flex min-h-dvh items-center justify-center bg-slate-100 px-4 py-10">
      <div className="grid w-full max-w-4xl overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm md:grid-cols-2">
        <section className="flex flex-col justify-between gap-8 bg-teal-900 p-8 text-teal-50">
          <div className="space-y-3">
            <p className="text-sm font-medium uppercase tracking-wide text-teal-200">
              Pemerintah {settings.region.name}
            </p>
            <h1 className="text-3xl font-bold text-white">SIKERDA</h1>
            <p className="text-lg leading-snug">Sistem Informasi Kerja Sama Daerah</p>
          </div>
          <p className="text-sm leading-relaxed text-teal-100">
            Pengelolaan usulan, naskah, dan pelaksanaan kerja sama daerah sesuai PP 28/2018, Permendagri 22/2020, dan
            Permendagri 25/2020 — Bagian Kerja Sama Sekretariat Daerah.
          </p>
        </section>
        <section className="space-y-6 p-8">
          <div className="space-y-1">
            <h2 className="text-xl font-semibold text-slate-900">Masuk ke SIKERDA</h2>
            <p className="text-sm text-slate-600">Gunakan akun yang diberikan oleh administrator sistem.</p>
          </div>
          <LoginForm initialMessage={initialMessage} next={next === "/beranda" ? undefined : next} constraints={constraints} />
          <p className="text-sm text-slate-600">
            Lupa kata sandi? Hubungi administrator SIKERDA di Bagian Kerja Sama untuk mengatur ulang.
          </p>
        </section>
      </div>
    </main>
  );
}
