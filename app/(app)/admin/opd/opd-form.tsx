"use client";

import { useActionState } from "react";
import { LinkButton } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormState } from "@/lib/validation/admin-extra";
import { FormErrorSummary } from "@/components/ui/form-error-summary";

const P = "opd";

type Props = {
  mode: "create" | "edit";
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  /** Current values as strings; `active` is "on" when active. */
  initial: Record<string, string>;
};

export function OpdForm({ mode, action, initial }: Props) {
  const [state, formAction] = useActionState(action, {});
  const v = state.values ?? initial;
  const err = state.fieldErrors ?? {};
  return (
    <form action={formAction} noValidate className="space-y-6">
      <FormErrorSummary state={state} idPrefix={P} />
      <div className="grid gap-5 md:grid-cols-2">
        <Field
          id={`${P}-name`}
          label="Nama OPD"
          required
          error={err.name}
          hint="Nama lengkap sesuai peraturan daerah, mis. Dinas Komunikasi dan Informatika."
          className="md:col-span-2"
        >
          {(p) => <Input {...p} name="name" defaultValue={v.name} autoComplete="off" maxLength={150} />}
        </Field>
        <Field id={`${P}-shortName`} label="Singkatan" required error={err.shortName} hint="Mis. Diskominfo, Bappeda, DPMPTSP.">
          {(p) => <Input {...p} name="shortName" defaultValue={v.shortName} autoComplete="off" maxLength={20} />}
        </Field>
        <Field id={`${P}-code`} label="Kode" error={err.code} hint="Opsional; kode unit kerja, mis. 2.16.01.">
          {(p) => <Input {...p} name="code" defaultValue={v.code} autoComplete="off" maxLength={30} />}
        </Field>
      </div>
      <div className="space-y-1.5">
        <Checkbox
          key={`active-${state.attempt ?? 0}`}
          id={`${P}-active`}
          name="active"
          label="OPD aktif"
          defaultChecked={v.active === "on"}
          hint="OPD nonaktif tidak dapat dipilih untuk pengguna baru. OPD yang masih memiliki pengguna aktif tidak dapat dinonaktifkan."
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
      <div className="flex flex-wrap gap-3">
        <SubmitButton>{mode === "create" ? "Simpan OPD" : "Simpan Perubahan"}</SubmitButton>
        <LinkButton href="/admin/opd" variant="secondary">
          Batal
        </LinkButton>
      </div>
    </form>
  );
}
