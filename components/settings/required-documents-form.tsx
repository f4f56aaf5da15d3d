"use client";

import { Checkbox } from "@/components/ui/checkbox";
import { FieldSet } from "@/components/ui/field";
import { dokumenSchema } from "@/lib/settings/groups";
import { SettingsForm, type GroupFormProps } from "./settings-form";

export type StageDocumentChoices = {
  stage: string;
  label: string;
  types: { value: string; label: string }[];
};

/**
 * Required documents of one jenis (domain §8): per stage, the document types that must exist before
 * a case may leave it. Only types that can be uploaded in the stage are offered (the server checks
 * the same), so a requirement can always be met.
 */
export function RequiredDocumentsForm({
  kind, stages, chosen, ...props
}: GroupFormProps & { kind: string; stages: StageDocumentChoices[]; chosen: Record<string, string[]> }) {
  return (
    <SettingsForm id="pengaturan-dokumen" schema={dokumenSchema} {...props}>
      {(f) => {
        const perStage = (f.dokumen as unknown as { getFieldset: () => Record<string, { errors?: string[] }> }).getFieldset();
        return (
          <>
            <input type="hidden" name="jenis" value={kind} />
            <div className="grid gap-x-8 gap-y-6 md:grid-cols-2">
              {stages.map((s) => (
                <FieldSet key={s.stage} id={`dokumen-${s.stage}`} legend={s.label} error={perStage[s.stage]?.errors}>
                  {s.types.map((t) => (
                    <Checkbox
                      key={t.value}
                      id={`dokumen-${s.stage}-${t.value}`}
                      name={`dokumen.${s.stage}`}
                      value={t.value}
                      label={t.label}
                      defaultChecked={chosen[s.stage]?.includes(t.value) ?? false}
                    />
                  ))}
                </FieldSet>
              ))}
            </div>
          </>
        );
      }}
    </SettingsForm>
  );
}
