"use client";

import { useActionState } from "react";
import { Checkbox } from "@/components/ui/checkbox";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select, type SelectOption } from "@/components/ui/select";
import { SubmitButton } from "@/components/ui/submit-button";
import { LinkButton } from "@/components/ui/button";
import { ROLES, ROLE_LABELS } from "@/lib/auth/roles";
import type { FormState } from "@/lib/validation/admin-extra";
import { PASSWORD_HINT } from "@/lib/validation/password-hint";
import { FormErrorSummary } from "@/components/ui/form-error-summary";

const ROLE_OPTIONS: SelectOption[] = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));
const P = "pengguna";

type Props = {
  mode: "create" | "edit";
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  /** Current values of the record (edit) as strings; `active` is "on" when active. */
  initial?: Record<string, string>;
  opdOptions: SelectOption[];
  /** The admin is editing their own account. */
  isSelf?: boolean;
};

export function UserForm({ mode, action, initial = {}, opdOptions, isSelf = false }: Props) {
  const [state, formAction] = useActionState(action, {});
  const v = state.values ?? initial;
  const err = state.fieldErrors ?? {};
  // Selects and the checkbox re-mount per attempt so a failed submission shows what was sent.
  const k = state.attempt ?? 0;
  return (
    <form action={formAction} noValidate className="space-y-6">
      <FormErrorSummary state={state} idPrefix={P} />
      <div className="grid gap-5 md:grid-cols-2">
        <Field id={`${P}-fullName`} label="Nama lengkap" required error={err.fullName} hint="Beserta gelar, seperti tertulis pada SK.">
          {(p) => <Input {...p} name="fullName" defaultValue={v.fullName} autoComplete="off" maxLength={120} />}
        </Field>
        <Field
          id={`${P}-username`}
          label="Nama pengguna"
          required
          error={err.username}
          hint="3–32 karakter: huruf kecil, angka, titik, garis bawah, atau tanda hubung. Dipakai untuk masuk."
        >
          {(p) => (
            <Input
              {...p}
              name="username"
              defaultValue={v.username}
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              maxLength={32}
            />
          )}
        </Field>
        <Field
          id={`${P}-nip`}
          label="NIP"
          error={err.nip}
          hint="18 angka, boleh dengan spasi (19850312 201001 1 003). Kosongkan untuk pegawai non-ASN."
        >
          {(p) => <Input {...p} name="nip" defaultValue={v.nip} inputMode="numeric" autoComplete="off" maxLength={24} />}
        </Field>
        <Field id={`${P}-email`} label="Email" error={err.email} hint="Opsional; untuk notifikasi.">
          {(p) => <Input {...p} name="email" type="email" defaultValue={v.email} autoComplete="off" maxLength={254} />}
        </Field>
        <Field
          id={`${P}-role`}
          label="Peran"
          required
          error={err.role}
          hint={isSelf ? "Anda tidak dapat mencabut peran Administrator Sistem dari akun Anda sendiri." : undefined}
        >
          {(p) => (
            <Select key={`role-${k}`} {...p} name="role" defaultValue={v.role ?? ""} placeholder="— Pilih peran —" options={ROLE_OPTIONS} />
          )}
        </Field>
        <Field
          id={`${P}-opdId`}
          label="OPD"
          error={err.opdId}
          hint="Wajib untuk Operator OPD dan Kepala OPD; kosongkan untuk peran lain."
        >
          {(p) => (
            <Select key={`opd-${k}`} {...p} name="opdId" defaultValue={v.opdId ?? ""} placeholder="— Tanpa OPD —" options={opdOptions} />
          )}
        </Field>
        {mode === "create" && (
          <>
            <Field
              id={`${P}-password`}
              label="Kata sandi awal"
              required
              error={err.password}
              hint={`${PASSWORD_HINT} Sampaikan kepada pengguna melalui saluran resmi; ia wajib menggantinya saat pertama masuk.`}
            >
              {(p) => <Input {...p} name="password" type="password" autoComplete="new-password" maxLength={128} />}
            </Field>
            <Field id={`${P}-confirmPassword`} label="Ulangi kata sandi" required error={err.confirmPassword}>
              {(p) => <Input {...p} name="confirmPassword" type="password" autoComplete="new-password" maxLength={128} />}
            </Field>
          </>
        )}
      </div>
      {mode === "edit" && (
        <div className="space-y-1.5">
          <Checkbox
            key={`active-${k}`}
            id={`${P}-active`}
            name="active"
            label="Akun aktif"
            defaultChecked={v.active === "on"}
            hint={
              isSelf
                ? "Anda tidak dapat menonaktifkan akun Anda sendiri."
                : "Akun nonaktif tidak dapat masuk; datanya tetap tersimpan."
            }
            aria-invalid={err.active ? true : undefined}
            aria-describedby={`${P}-active-hint${err.active ? ` ${P}-active-error` : ""}`}
          />
          {err.active && (
            <p id={`${P}-active-error`} className="pl-8 text-sm font-medium text-red-700">
              <span className="sr-only">Kesalahan: </span>
              {err.active}
            </p>
          )}
        </div>
      )}
      <div className="flex flex-wrap gap-3">
        <SubmitButton>{mode === "create" ? "Simpan Pengguna" : "Simpan Perubahan"}</SubmitButton>
        <LinkButton href="/admin/pengguna" variant="secondary">
          Batal
        </LinkButton>
      </div>
    </form>
  );
}
