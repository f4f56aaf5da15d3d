"use client";

import { CheckboxField, TextField } from "@/components/forms/fields";
import { FormErrorSummary } from "@/components/forms/form-error-summary";
import { useFormAction } from "@/components/forms/use-form-action";
import { LinkButton } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormActionFn } from "@/lib/forms/action";
import { opdSchema, opdUpdateSchema } from "@/lib/opd/schemas";

type Props = {
  action: FormActionFn;
  /** Editing an existing OPD: its id and current values. */
  opd?: { id: string; name: string; shortName: string; code: string | null; active: boolean };
};

export function OpdForm({ action, opd }: Props) {
  const schema = opd ? opdUpdateSchema : opdSchema;
  const { form, fields, formAction, lastResult, pending } = useFormAction(action, schema, {
    id: "opd",
    defaultValue: opd
      ? { id: opd.id, name: opd.name, shortName: opd.shortName, code: opd.code ?? "", active: opd.active ? "on" : undefined }
      : { active: "on" },
  });
  return (
    <form id={form.id} onSubmit={form.onSubmit} action={formAction} noValidate className="space-y-6">
      <FormErrorSummary form={form} lastResult={lastResult} />
      {opd && <input type="hidden" name="id" value={opd.id} />}
      <div className="grid gap-5 md:grid-cols-2">
        <TextField
          meta={fields.name}
          label="Nama OPD"
          hint="Nama lengkap sesuai peraturan daerah, mis. Dinas Komunikasi dan Informatika."
          autoComplete="off"
          className="md:col-span-2"
        />
        <TextField meta={fields.shortName} label="Singkatan" hint="Mis. Diskominfo, Bappeda, DPMPTSP." autoComplete="off" />
        <TextField meta={fields.code} label="Kode" hint="Opsional; kode unit kerja, mis. 2.16.01." autoComplete="off" />
      </div>
      <CheckboxField
        meta={fields.active}
        label="OPD aktif"
        hint="OPD nonaktif tidak dapat dipilih untuk pengguna baru. OPD yang masih memiliki pengguna aktif tidak dapat dinonaktifkan."
      />
      <div className="flex flex-wrap gap-3">
        <SubmitButton pending={pending}>{opd ? "Simpan Perubahan" : "Simpan OPD"}</SubmitButton>
        <LinkButton href="/admin/opd" variant="secondary">
          Batal
        </LinkButton>
      </div>
    </form>
  );
}
