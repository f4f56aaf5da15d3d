"use client";

import { useId } from "react";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

/*
 * A PDF chosen for the Kerja Sama Arsip form. The file input has no `name`: the file never travels
 * inside the server action (1 MB limit). On submit the form streams it to /api/arsip/berkas
 * (uploadStagedPdf) and sends only the signed reference, in the hidden field `name`.
 */

export type StagedState = { file: File | null; token: string; progress: number | null; error: string | null };
export const EMPTY_STAGED: StagedState = { file: null, token: "", progress: null, error: null };

export const MAX_PDF_BYTES = 20 * 1024 * 1024;

export function clientFileProblem(file: File | null, required: boolean): string | null {
  if (!file) return required ? "Pilih berkas PDF naskah yang sudah ditandatangani." : null;
  if (file.size === 0) return "Berkas kosong. Pilih berkas yang berisi dokumen.";
  if (file.size > MAX_PDF_BYTES) return "Ukuran berkas melebihi 20 MB.";
  if (!/\.pdf$/i.test(file.name)) return "Berkas harus berupa PDF.";
  return null;
}

function serverMessage(xhr: XMLHttpRequest): string {
  if (xhr.status === 401) return "Sesi Anda telah berakhir. Silakan masuk kembali.";
  try {
    const body = JSON.parse(xhr.responseText) as { message?: unknown };
    if (typeof body.message === "string" && body.message) return body.message;
  } catch {
    // not JSON: generic message below
  }
  return xhr.status === 413 ? "Ukuran berkas melebihi 20 MB." : "Berkas gagal diunggah. Coba lagi beberapa saat lagi.";
}

/** Streams one PDF (real upload progress) and resolves to its signed reference or an error message. */
export function uploadStagedPdf(file: File, onProgress: (percent: number) => void): Promise<{ token: string } | { error: string }> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/arsip/berkas?${new URLSearchParams({ name: file.name })}`);
    xhr.setRequestHeader("x-sikerda-upload", "1");
    xhr.setRequestHeader("Content-Type", "application/pdf");
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.min(100, Math.round((e.loaded / e.total) * 100)));
    };
    xhr.onload = () => {
      if (xhr.status !== 201) return resolve({ error: serverMessage(xhr) });
      resolve({ token: (JSON.parse(xhr.responseText) as { token: string }).token });
    };
    xhr.onerror = () => resolve({ error: "Koneksi terputus saat mengunggah. Periksa jaringan lalu coba lagi." });
    xhr.send(file);
  });
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
