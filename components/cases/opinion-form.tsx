"use client";

import { RadioGroupField, TextareaField } from "@/components/forms/fields";
import { FormErrorSummary } from "@/components/forms/form-error-summary";
import { useServerFormAction } from "@/components/forms/use-server-form-action";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormActionFn } from "@/lib/forms/action";
import type { Constraint } from "@/lib/forms/constraints";

export type OpinionFormProps = {
  /** opinionAction of the case page. */
  action: FormActionFn;
  caseId: string;
  /** The member's current opinion in this round: a new one is added, this one stays in the history. */
  current?: { opinion: string; note: string };
  /** formConstraints(opinionSchema), computed on the server: the schema validates in opinionAction only (no zod in the page's bundle). */
  constraint: Record<string, Constraint>;
};

const CHOICES = [
  { value: "LAYAK", label: "Layak", hint: "Usulan dapat dilanjutkan ke tahap penawaran/penyusunan naskah." },
  { value: "PERBAIKAN", label: "Perlu perbaikan", hint: "Usulan dikembalikan kepada OPD untuk diperbaiki." },
  { value: "TIDAK_LAYAK", label: "Tidak layak", hint: "Usulan tidak dilanjutkan." },
] as const;

/** Written opinion of a TKKSD member (layak / perlu perbaikan / tidak layak) with a mandatory note. */
export function OpinionForm({ action, caseId, current, constraint }: OpinionFormProps) {
  const { form, fields, formAction, lastResult, pending } = useServerFormAction(action, {
    id: "pendapat",
    constraint,
    defaultValue: { caseId, opinion: current?.opinion, note: current?.note },
  });
  return (
    <form id={form.id} onSubmit={form.onSubmit} action={formAction} noValidate className="space-y-5">
      <FormErrorSummary form={form} lastResult={lastResult} />
      <input type="hidden" name="caseId" value={caseId} />
      <RadioGroupField meta={fields.opinion} label="Pendapat Anda" choices={CHOICES} />
      <TextareaField
        meta={fields.note}
        label="Catatan pendapat"
        rows={4}
        hint="Pertimbangan Anda; dibaca Kepala Bagian Kerja Sama saat mencatat hasil rapat TKKSD."
      />
      <SubmitButton pending={pending} pendingLabel="Menyimpan…">
        {current ? "Simpan Pendapat Baru" : "Simpan Pendapat"}
      </SubmitButton>
    </form>
  );
}
