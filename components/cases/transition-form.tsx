"use client";

import type { Meta } from "@/components/forms/fields";
import { FormErrorSummary } from "@/components/forms/form-error-summary";
import { useServerFormAction } from "@/components/forms/use-server-form-action";
import type { SelectOption } from "@/components/ui/select";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormActionFn } from "@/lib/forms/action";
import type { Constraint } from "@/lib/forms/constraints";
import type { CaseKind } from "@/lib/generated/prisma/enums";
import {
  AdendumFields, ChecklistFields, DprdFields, NoteField, SigningFields, TerminationFields, type SigningOptions,
} from "./event-fields";

export type TransitionFields =
  | { kind: "none" }
  | { kind: "checklist"; items: readonly string[] }
  | { kind: "signing"; options: SigningOptions }
  | { kind: "dprd" }
  | { kind: "termination"; grounds: readonly SelectOption[] }
  | { kind: "adendum"; caseKind: CaseKind; ksdpkFollowsQuestions: boolean };

export type TransitionFormProps = {
  /** transitionAction of app/(app)/usulan/[id]/actions.ts */
  action: FormActionFn;
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
  /**
   * The HTML constraints of this form's fields, from transitionSchema on the server
   * (action-panel.tsx constraintsFor): the browser gets no zod; the server action validates.
   */
  constraint: Record<string, Constraint>;
  /** Today in the region, YYYY-MM-DD: the latest date a signing or a decision may carry. */
  today: string;
  /** What to know before recording it (e.g. who acts next). */
  hint?: string;
};

/** The metadata of a nested object's fields (signing.*, dprd.*, termination.*). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const fieldset = (meta: Meta) => (meta as unknown as { getFieldset(): Record<string, Meta> }).getFieldset() as any;

/** One event of the action panel: its fields, the missing documents, and one submit button. */
export function TransitionForm({
  action, caseId, version, event, label, reasonRequired, danger, missingDocuments, fields, constraint, today, hint,
}: TransitionFormProps) {
  const signingDefaults =
    fields.kind === "signing" ? { signerType: "KEPALA_DAERAH", signerPosition: fields.options.headPosition } : undefined;
  const { form, fields: f, formAction, lastResult, pending } = useServerFormAction(action, {
    id: `ev-${event}`,
    constraint,
    defaultValue: { caseId, event, version: String(version), ...(signingDefaults ? { signing: signingDefaults } : {}) },
  });
  return (
    <form id={form.id} onSubmit={form.onSubmit} action={formAction} noValidate className="space-y-5">
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="event" value={event} />
      <input type="hidden" name="version" value={version} />
      <FormErrorSummary form={form} lastResult={lastResult} />
      {fields.kind === "checklist" && <ChecklistFields meta={f.checklistComplete} items={fields.items} />}
      {fields.kind === "signing" && <SigningFields f={fieldset(f.signing)} o={fields.options} today={today} />}
      {fields.kind === "dprd" && <DprdFields f={fieldset(f.dprd)} today={today} />}
      {fields.kind === "termination" && <TerminationFields f={fieldset(f.termination)} options={fields.grounds} today={today} />}
      {fields.kind === "adendum" && (
        <AdendumFields f={fieldset(f.adendum)} kind={fields.caseKind} ksdpkFollowsQuestions={fields.ksdpkFollowsQuestions} />
      )}
      <NoteField meta={f.note} required={reasonRequired} />
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
      {hint && <p className="rounded-md border border-sky-200 bg-sky-50 px-4 py-3 text-sm text-sky-950">{hint}</p>}
      <SubmitButton pending={pending} variant={danger ? "danger" : "primary"} pendingLabel="Mencatat…">
        {label}
      </SubmitButton>
    </form>
  );
}
