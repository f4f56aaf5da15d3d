"use client";

import { SelectField, TextField } from "@/components/forms/fields";
import { FormErrorSummary } from "@/components/forms/form-error-summary";
import { useServerFormAction } from "@/components/forms/use-server-form-action";
import type { SelectOption } from "@/components/ui/select";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormActionFn } from "@/lib/forms/action";
import type { Constraint } from "@/lib/forms/constraints";

export type PksTurunanFormProps = {
  /** startPksTurunanAction of the case page. */
  action: FormActionFn;
  /** The Kesepakatan Bersama (in force) the PKS turunan sits under. */
  kbId: string;
  opdOptions: readonly SelectOption[];
  /** OPD preselected (usually the case's own OPD). */
  defaultOpdId?: string;
  /** formConstraints(pksTurunanSchema), computed on the server: the schema validates in the action only (no zod in the page's bundle). */
  constraint: Record<string, Constraint>;
};

/** Starts a further PKS under a Kesepakatan Bersama in force: a new case at Penyusunan PKS. */
export function PksTurunanForm({ action, kbId, opdOptions, defaultOpdId, constraint }: PksTurunanFormProps) {
  const { form, fields, formAction, lastResult, pending } = useServerFormAction(action, {
    id: "pks-turunan",
    constraint,
    defaultValue: { kbId, opdId: defaultOpdId },
  });
  return (
    <form id={form.id} onSubmit={form.onSubmit} action={formAction} noValidate className="space-y-5">
      <FormErrorSummary form={form} lastResult={lastResult} />
      <input type="hidden" name="kbId" value={kbId} />
      <div className="grid gap-5 md:grid-cols-2">
        <TextField meta={fields.title} label="Judul PKS turunan" autoComplete="off" />
        <SelectField meta={fields.opdId} label="OPD pelaksana" placeholder="— Pilih OPD —" options={opdOptions} />
      </div>
      <SubmitButton pending={pending} pendingLabel="Membuat…">
        Mulai PKS Turunan
      </SubmitButton>
    </form>
  );
}
