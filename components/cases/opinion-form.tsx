"use client";

import { useActionState } from "react";
import { Radio } from "@/components/ui/checkbox";
import { Field, FieldSet } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { Textarea } from "@/components/ui/textarea";
import type { FormState } from "@/lib/validation/admin-extra";
import { FormErrorSummary } from "@/components/ui/form-error-summary";

export type OpinionFormProps = {
  /** opinionAction bound to the case id. */
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  /** The member's own opinion in this round, to revise it. */
  initial?: { opinion: string; note: string };
};

const CHOICES = [
  { value: "LAYAK", label: "Layak", hint: "Usulan dapat dilanjutkan ke tahap penawaran/penyusunan naskah." },
  { value: "PERBAIKAN", label: "Perlu perbaikan", hint: "Usulan dikembalikan kepada OPD untuk diperbaiki." },
  { value: "TIDAK_LAYAK", label: "Tidak layak", hint: "Usulan tidak dilanjutkan." },
] as const;

/** Written opinion of a TKKSD member (layak / perlu perbaikan / tidak layak) with a mandatory note. */
export function OpinionForm({ action, initial }: OpinionFormProps) {
  const [state, formAction] = useActionState(action, {});
  const v = state.values ?? initial ?? {};
  const err = state.fieldErrors ?? {};
  const k = state.attempt ?? 0;
  const p = "pendapat";
  return (
    <form action={formAction} noValidate className="space-y-5">
      <FormErrorSummary state={state} idPrefix={p} />
      <FieldSet id={`${p}-opinion`} legend="Pendapat Anda" required error={err.opinion}>
        {CHOICES.map((c) => (
          <Radio
            key={`${c.value}-${k}`}
            id={`${p}-opinion-${c.value}`}
            name="opinion"
            value={c.value}
            label={c.label}
            hint={c.hint}
            defaultChecked={v.opinion === c.value}
          />
        ))}
      </FieldSet>
      <Field id={`${p}-note`} label="Catatan pendapat" required error={err.note} hint="Pertimbangan Anda; dibaca Kepala Bagian Kerja Sama saat mencatat hasil rapat TKKSD.">
        {(c) => <Textarea {...c} name="note" rows={4} maxLength={4000} defaultValue={v.note} required />}
      </Field>
      <SubmitButton pendingLabel="Menyimpan…">{initial ? "Perbarui Pendapat" : "Simpan Pendapat"}</SubmitButton>
    </form>
  );
}
