"use client";

import type { ReactNode } from "react";
import type { z } from "zod";
import type { Meta } from "@/components/forms/fields";
import { FormErrorSummary } from "@/components/forms/form-error-summary";
import { useFormAction } from "@/components/forms/use-form-action";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormActionFn } from "@/lib/forms/action";

export type GroupFormProps = {
  action: FormActionFn;
  /** The group's optimistic-lock value read with the page (lib/settings/update.ts groupVersion). */
  version: number;
  /** Current values as the inputs show them (lib/settings/groups.ts groupFormValues). */
  values: Record<string, unknown>;
  /** Whether the viewer may save this group (can() with the group's grant); else read-only. */
  editable: boolean;
};

/**
 * The frame every settings group shares: conform form over lib/forms/action, all errors at once,
 * the version in a hidden field, and — for a viewer without the group's grant — the same fields
 * disabled with no save button (the server refuses a save anyway).
 */
export function SettingsForm({
  id, action, schema, version, values, editable, children,
}: GroupFormProps & {
  id: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  schema: z.ZodType<Record<string, any>>;
  children: (fields: Record<string, Meta>) => ReactNode;
}) {
  const { form, fields, formAction, lastResult, pending } = useFormAction(action, schema, { id, defaultValue: values });
  return (
    <form id={form.id} onSubmit={form.onSubmit} action={formAction} noValidate className="space-y-5">
      <FormErrorSummary form={form} lastResult={lastResult} />
      {lastResult?.stale && (
        <Alert tone="warning" title="Pengaturan ini baru saja diubah oleh pengguna lain.">
          Muat ulang halaman untuk melihat nilai terbaru, lalu ulangi perubahan Anda.
        </Alert>
      )}
      <input type="hidden" name="versi" value={version} />
      <fieldset disabled={!editable} className="min-w-0 space-y-5">
        <legend className="sr-only">Isian pengaturan</legend>
        {children(fields as Record<string, Meta>)}
      </fieldset>
      {editable ? (
        <SubmitButton pending={pending}>Simpan</SubmitButton>
      ) : (
        <p className="text-sm text-slate-600">Anda dapat melihat pengaturan ini, tetapi tidak berwenang mengubahnya.</p>
      )}
    </form>
  );
}
