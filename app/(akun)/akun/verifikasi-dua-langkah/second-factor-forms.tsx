"use client";

import { TextField } from "@/components/forms/fields";
import { FormErrorSummary } from "@/components/forms/form-error-summary";
import { useFormAction } from "@/components/forms/use-form-action";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { SubmitButton } from "@/components/ui/submit-button";
import type { AccountReply } from "@/lib/account/action";
import { proofSchema, totpCodeSchema } from "@/lib/account/schemas";
import type { FormActionFn } from "@/lib/forms/action";
import { z } from "zod";

type CodesAction = (
  previous: AccountReply<{ recoveryCodes: string[] }> | undefined,
  formData: FormData,
) => Promise<AccountReply<{ recoveryCodes: string[] }>>;

const noFields = z.object({});

/** The recovery codes, shown once right after they were made. */
export function RecoveryCodes({ codes, continueHref }: { codes: string[]; continueHref?: string }) {
  const file = `Kode pemulihan SIKERDA (masing-masing sekali pakai)\n\n${codes.join("\n")}\n`;
  return (
    <div className="space-y-4">
      <Alert tone="warning" announce title="Simpan kode pemulihan ini sekarang">
        Kode ini hanya ditampilkan sekali. Simpan di tempat aman (dicetak atau di pengelola kata sandi). Setiap kode dapat
        dipakai satu kali untuk masuk bila ponsel Anda hilang.
      </Alert>
      <ol className="grid grid-cols-1 gap-2 font-mono text-base sm:grid-cols-2" aria-label="Kode pemulihan">
        {codes.map((code) => (
          <li key={code} className="rounded border border-slate-300 bg-slate-50 px-3 py-2 tracking-wider text-slate-900">
            {code}
          </li>
        ))}
      </ol>
      <div className="flex flex-wrap gap-3">
        <a
          href={`data:text/plain;charset=utf-8,${encodeURIComponent(file)}`}
          download="kode-pemulihan-sikerda.txt"
          className="inline-flex min-h-10 items-center rounded-md border border-slate-300 bg-white px-4 text-sm font-semibold text-slate-800 shadow-sm hover:bg-slate-50"
        >
          Unduh sebagai berkas teks
        </a>
        {continueHref && (
          <a href={continueHref} className="inline-flex min-h-10 items-center rounded-md bg-brand-700 px-4 text-sm font-semibold text-white shadow-sm hover:bg-brand-800">
            Saya sudah menyimpannya, lanjutkan
          </a>
        )}
      </div>
    </div>
  );
}

export function StartEnrolmentForm({ action }: { action: FormActionFn }) {
  const { form, formAction, lastResult, pending } = useFormAction(action, noFields, { id: "mulai" });
  return (
    <form id={form.id} onSubmit={form.onSubmit} action={formAction} noValidate className="space-y-4">
      <FormErrorSummary form={form} lastResult={lastResult} />
      <SubmitButton pending={pending} pendingLabel="Menyiapkan…">
        Mulai Pengaturan
      </SubmitButton>
    </form>
  );
}

/** Scan, then prove the app works with a current code; afterwards the recovery codes replace the form. */
export function EnrolmentPanel({
  action,
  qrDataUrl,
  secret,
  username,
  continueHref,
}: {
  action: CodesAction;
  qrDataUrl: string;
  secret: string;
  username: string;
  continueHref: string;
}) {
  const { form, fields, formAction, lastResult, pending } = useFormAction(action, totpCodeSchema, { id: "aktifkan" });
  const codes = (lastResult as AccountReply<{ recoveryCodes: string[] }> | undefined)?.result?.recoveryCodes;
  if (codes) {
    return (
      <Card title="Verifikasi dua langkah telah aktif">
        <RecoveryCodes codes={codes} continueHref={continueHref} />
      </Card>
    );
  }
  return (
    <>
      <Card title="Langkah 1: pindai kode QR">
        <div className="flex flex-col gap-5 sm:flex-row sm:items-start">
          {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL made on the server, not an optimisable asset */}
          <img
            src={qrDataUrl}
            alt={`Kode QR untuk menambahkan akun SIKERDA ${username} ke aplikasi autentikator`}
            width={192}
            height={192}
            className="size-48 shrink-0 rounded border border-slate-200 bg-white p-2"
          />
          <div className="space-y-2 text-sm text-slate-700">
            <p>Buka aplikasi autentikator, pilih tambah akun, lalu pindai kode QR ini.</p>
            <p>Tidak dapat memindai? Masukkan kunci berikut secara manual (berbasis waktu, 6 angka):</p>
            <p className="font-mono text-base tracking-wider break-all text-slate-900" aria-label="Kunci rahasia">
              {secret}
            </p>
          </div>
        </div>
      </Card>
      <Card title="Langkah 2: masukkan kode dari aplikasi">
        <form id={form.id} onSubmit={form.onSubmit} action={formAction} noValidate className="space-y-5">
          <FormErrorSummary form={form} lastResult={lastResult} />
          <TextField
            meta={fields.code}
            label="Kode verifikasi"
            hint="6 angka yang sedang tampil di aplikasi untuk SIKERDA."
            inputMode="numeric"
            autoComplete="one-time-code"
            className="max-w-xs"
          />
          <SubmitButton pending={pending} pendingLabel="Memeriksa…">
            Aktifkan
          </SubmitButton>
        </form>
      </Card>
    </>
  );
}

/** Confirms a sensitive change with the password or a code. */
export function ProofForm({
  action,
  id,
  submitLabel,
  danger = false,
  showsCodes = false,
}: {
  action: CodesAction | FormActionFn;
  id: string;
  submitLabel: string;
  danger?: boolean;
  showsCodes?: boolean;
}) {
  const { form, fields, formAction, lastResult, pending } = useFormAction(action as FormActionFn, proofSchema, { id });
  const codes = showsCodes ? (lastResult as AccountReply<{ recoveryCodes: string[] }> | undefined)?.result?.recoveryCodes : undefined;
  if (codes) return <RecoveryCodes codes={codes} />;
  return (
    <form id={form.id} onSubmit={form.onSubmit} action={formAction} noValidate className="space-y-5">
      <FormErrorSummary form={form} lastResult={lastResult} />
      <TextField
        meta={fields.proof}
        label="Kata sandi atau kode verifikasi"
        hint="Kata sandi Anda, kode 6 angka dari aplikasi autentikator, atau kode pemulihan."
        type="password"
        autoComplete="current-password"
        className="max-w-md"
      />
      <SubmitButton pending={pending} variant={danger ? "danger" : "primary"} pendingLabel="Memeriksa…">
        {submitLabel}
      </SubmitButton>
    </form>
  );
}
