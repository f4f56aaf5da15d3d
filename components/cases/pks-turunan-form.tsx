"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select, type SelectOption } from "@/components/ui/select";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormState } from "@/lib/validation/admin-extra";
import { FormErrorSummary } from "@/components/ui/form-error-summary";

export type PksTurunanFormProps = {
  /** startPksTurunanAction bound to the KB agreement id. */
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  opdOptions: readonly SelectOption[];
  /** OPD preselected (usually the case's own OPD). */
  defaultOpdId?: string;
};

/** Starts a further PKS under an active Kesepakatan Bersama: a new case at Penyusunan PKS. */
export function PksTurunanForm({ action, opdOptions, defaultOpdId }: PksTurunanFormProps) {
  const [state, formAction] = useActionState(action, {});
  const v = state.values ?? {};
  const err = state.fieldErrors ?? {};
  const k = state.attempt ?? 0;
  const p = "pks";
  return (
    <form action={formAction} noValidate className="space-y-5">
      <FormErrorSummary state={state} idPrefix={p} />
      <div className="grid gap-5 md:grid-cols-2">
        <Field id={`${p}-title`} label="Judul PKS turunan" required error={err.title}>
          {(c) => <Input {...c} name="title" defaultValue={v.title} maxLength={200} />}
        </Field>
        <Field id={`${p}-opdId`} label="OPD pelaksana" required error={err.opdId}>
          {(c) => (
            <Select
              key={`opd-${k}`}
              {...c}
              name="opdId"
              defaultValue={v.opdId ?? defaultOpdId ?? ""}
              placeholder="— Pilih OPD —"
              options={opdOptions}
            />
          )}
        </Field>
      </div>
      <SubmitButton pendingLabel="Membuat…">Mulai PKS Turunan</SubmitButton>
    </form>
  );
}
