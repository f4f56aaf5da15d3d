"use client";

import { useId } from "react";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { fileProblem, sendFile } from "@/components/documents/streamed-upload";

/*
 * A PDF chosen for the Kerja Sama Arsip form. The file input has no `name`: the file never travels
 * inside the server action (1 MB limit). On submit the form streams it to /api/arsip/berkas
 * (uploadStagedPdf) and sends only the signed reference, in the hidden field `name`.
 */

export type StagedState = { file: File | null; token: string; progress: number | null; error: string | null };
export const EMPTY_STAGED: StagedState = { file: null, token: "", progress: null, error: null };

export function clientFileProblem(file: File | null, required: boolean): string | null {
  if (!file) return required ? "Pilih berkas PDF naskah yang sudah ditandatangani." : null;
  return fileProblem(file, { missing: "" });
}

/** Streams one PDF (real upload progress) and resolves to its signed reference or an error message. */
export async function uploadStagedPdf(file: File, onProgress: (percent: number) => void): Promise<{ token: string } | { error: string }> {
  const result = await sendFile(`/api/arsip/berkas?${new URLSearchParams({ name: file.name })}`, file, {
    contentType: "application/pdf",
    failure: "Berkas gagal diunggah. Coba lagi beberapa saat lagi.",
    onProgress,
  });
  if (!result.ok) return { error: result.error };
  const token = (result.body as { token?: unknown } | null)?.token;
  return typeof token === "string" ? { token } : { error: "Berkas gagal diunggah. Coba lagi beberapa saat lagi." };
}

export function StagedFileField({
  name, label, hint, required, state, onChange, serverError, formId,
}: {
  name: string;
  label: string;
  hint?: string;
  required?: boolean;
  state: StagedState;
  onChange: (file: File | null) => void;
  serverError?: string[];
  formId: string;
}) {
  const id = `${formId}-${name}-${useId().replace(/:/g, "")}`;
  const error = state.error ?? (state.token ? undefined : serverError?.join(" "));
  return (
    <div className="space-y-2">
      <Field id={id} label={label} hint={hint ?? "PDF, paling besar 20 MB."} required={required} error={error}>
        {(p) => (
          <Input
            {...p}
            type="file"
            accept=".pdf,application/pdf"
            onChange={(e) => onChange(e.currentTarget.files?.[0] ?? null)}
          />
        )}
      </Field>
      <input type="hidden" name={name} value={state.token} form={formId} />
      {state.progress !== null && (
        <div className="flex items-center gap-3 text-sm text-slate-700">
          <progress max={100} value={state.progress} aria-label={`Mengunggah ${label}`} className="h-2 w-48" />
          <span aria-live="polite">{state.progress}%</span>
        </div>
      )}
      {state.token && !state.error && <p className="text-sm text-emerald-800">Berkas {state.file?.name} sudah terunggah.</p>}
    </div>
  );
}
