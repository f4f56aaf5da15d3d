"use client";

import { CheckboxField, SelectField, TextField } from "@/components/forms/fields";
import { FormErrorSummary } from "@/components/forms/form-error-summary";
import { useFormAction } from "@/components/forms/use-form-action";
import { LinkButton } from "@/components/ui/button";
import type { SelectOption } from "@/components/ui/select";
import { SubmitButton } from "@/components/ui/submit-button";
import { ROLES, ROLE_LABELS } from "@/lib/auth/roles";
import type { FormActionFn } from "@/lib/forms/action";
import { userCreateFormSchema, userUpdateFormSchema } from "@/lib/validation/admin-extra";

const ROLE_OPTIONS: SelectOption[] = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

type Props = {
  action: FormActionFn;
  /** Editing: the user's id and current values as the inputs show them (`active` is "on" when active). */
  user?: Record<string, string>;
  opdOptions: SelectOption[];
  /** The admin is editing their own account. */
  isSelf?: boolean;
};

export function UserForm({ action, user, opdOptions, isSelf = false }: Props) {
  const { form, fields: f, formAction, lastResult, pending } = useFormAction(action, user ? userUpdateFormSchema : userCreateFormSchema, {
    id: "pengguna",
    defaultValue: user,
  });
  return (
    <form id={form.id} onSubmit={form.onSubmit} action={formAction} noValidate className="space-y-6">
      <FormErrorSummary form={form} lastResult={lastResult} />
      {user && <input type="hidden" name="id" value={user.id} />}
      <div className="grid gap-5 md:grid-cols-2">
        <TextField meta={f.fullName} label="Nama lengkap" hint="Beserta gelar, seperti tertulis pada SK." autoComplete="off" />
        <TextField
          meta={f.username}
          label="Nama pengguna"
          hint="3–32 karakter: huruf kecil, angka, titik, garis bawah, atau tanda hubung. Dipakai untuk masuk."
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
        />
        <TextField
          meta={f.nip}
          label="NIP"
          hint="18 angka, boleh dengan spasi (19850312 201001 1 003). Kosongkan untuk pegawai non-ASN."
          inputMode="numeric"
          autoComplete="off"
        />
        <TextField meta={f.email} label="Email" type="email" hint="Opsional; untuk notifikasi." autoComplete="off" />
        <SelectField
          meta={f.role}
          label="Peran"
          placeholder="— Pilih peran —"
          options={ROLE_OPTIONS}
          hint={isSelf ? "Anda tidak dapat mencabut peran Administrator Sistem dari akun Anda sendiri." : undefined}
        />
        <SelectField
          meta={f.opdId}
          label="OPD"
          placeholder="— Tanpa OPD —"
          options={opdOptions}
          hint="Wajib untuk Operator OPD dan Kepala OPD; kosongkan untuk peran lain."
        />
        {!user && (
          <>
            <TextField
              meta={f.password}
              label="Kata sandi awal"
              type="password"
              autoComplete="new-password"
              hint="Minimal 12 karakter. Sampaikan kepada pengguna melalui saluran resmi; pengguna wajib menggantinya saat pertama masuk."
            />
            <TextField meta={f.confirmPassword} label="Ulangi kata sandi" type="password" autoComplete="new-password" />
          </>
        )}
      </div>
      {user && (
        <CheckboxField
          meta={f.active}
          label="Akun aktif"
          hint={isSelf ? "Anda tidak dapat menonaktifkan akun Anda sendiri." : "Akun nonaktif tidak dapat masuk; datanya tetap tersimpan."}
        />
      )}
      <div className="flex flex-wrap gap-3">
        <SubmitButton pending={pending}>{user ? "Simpan Perubahan" : "Simpan Pengguna"}</SubmitButton>
        <LinkButton href="/admin/pengguna" variant="secondary">
          Batal
        </LinkButton>
      </div>
    </form>
  );
}
