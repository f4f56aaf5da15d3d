"use client";

import { useActionState } from "react";
import type { SelectOption } from "@/components/ui/select";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormState } from "@/lib/validation/admin-extra";
import { ChecklistFields, DprdFields, NoteField, SigningFields, TerminationFields, type SigningOptions } from "./event-fields";
import { FormErrorSummary } from "@/components/ui/form-error-summary";

export type TransitionFields =
  | { kind: "none" }
  | { kind: "checklist"; items: readonly string[] }
  | { kind: "signing"; options: SigningOptions }
  | { kind: "dprd" }
  | { kind: "termination"; grounds: readonly SelectOption[] };

export type TransitionFormProps = {
  /** transitionAction of app/(app)/usulan/[id]/actions.ts */
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  caseId: string;
  /** Case version read with the page: the optimistic lock. */
  version: number;
  event: string;
  /** Button text: the event's label. */
  label: string;
  reasonRequired: boolean;
  danger: boolean;
  /** Labels of the documents still missing for this event (the server refuses without them). */
  missingDocuments: readonly string[];
  fields: TransitionFields;
};

/** One event of the action panel: its fields, the missing documents, and one submit button. */
export function TransitionForm({
  action, caseId, version, event, label, reasonRequired, danger, missingDocuments, fields,
}: TransitionFormProps) {
  const [state, formAction] = useActionState(action, {});
  const p = `ev-${event}`;
  const v = state.values ?? {};
  const err = state.fieldErrors ?? {};
  const k = state.attempt ?? 0;
  const common = { p, v, err, k };
  return (
    <form action={formAction} noValidate className="space-y-5">
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="event" value={event} />
      <input type="hidden" name="version" value={version} />
      <FormErrorSummary state={state} idPrefix={p} />
      {fields.kind === "checklist" && <ChecklistFields {...common} items={fields.items} />}
      {fields.kind === "signing" && <SigningFields {...common} o={fields.options} />}
      {fields.kind === "dprd" && <DprdFields {...common} />}
      {fields.kind === "termination" && <TerminationFields {...common} options={fields.grounds} />}
      <NoteField {...common} required={reasonRequired} />
      {missingDocuments.length > 0 && (
        <div className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950">
          <p className="font-semibold">Dokumen yang masih diperlukan:</p>
          <ul className="mt-1 list-disc pl-5">
            {missingDocuments.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
          <p className="mt-1">Unggah dokumen tersebut pada bagian Dokumen sebelum mencatat tindakan ini.</p>
        </div>
      )}
      <SubmitButton variant={danger ? "danger" : "primary"} pendingLabel="Mencatat…">
        {label}
      </SubmitButton>
    </form>
  );
}
