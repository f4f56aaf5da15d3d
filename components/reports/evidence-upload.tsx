"use client";

import { useId, useRef, useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { acceptAttribute, IMAGE_DOCUMENT_TYPES } from "@/lib/documents/sniff";
import type { DocumentType } from "@/lib/generated/prisma/enums";

export type EvidenceUploadProps = {
  reportId: string;
  /** The evidence types of this report (lib/reports/rules evidenceTypes) with their labels. */
  types: { value: string; label: string }[];
};

const MAX_BYTES = 20 * 1024 * 1024;
type Errors = { type?: string; file?: string; form?: string };

function clientCheck(type: string, file: File | undefined): Errors {
  const errors: Errors = {};
  if (!type) errors.type = "Pilih jenis bukti.";
  const images = IMAGE_DOCUMENT_TYPES.includes(type as DocumentType);
  if (!file) errors.file = "Pilih berkas yang akan diunggah.";
  else if (file.size === 0) errors.file = "Berkas kosong. Pilih berkas yang berisi dokumen.";
  else if (file.size > MAX_BYTES) errors.file = "Ukuran berkas melebihi 20 MB.";
  else if (!(images ? /\.(pdf|jpe?g|png)$/i : /\.pdf$/i).test(file.name)) {
    errors.file = images ? "Berkas harus berupa PDF, JPEG, atau PNG." : "Berkas harus berupa PDF.";
  }
  return errors;
}

function serverMessage(xhr: XMLHttpRequest): string {
  if (xhr.status === 401 || xhr.responseURL.includes("/login")) return "Sesi Anda telah berakhir. Silakan masuk kembali.";
  try {
    const body = JSON.parse(xhr.responseText) as { message?: unknown };
    if (typeof body.message === "string" && body.message) return body.message;
  } catch {
    // Not JSON (a proxy error page): the generic message below.
  }
  if (xhr.status === 413) return "Ukuran berkas melebihi 20 MB.";
  return "Bukti gagal diunggah. Coba lagi beberapa saat lagi.";
}

/**
 * Uploads one evidence file to a report with real progress: the file is the request body, streamed
 * to the server (POST /api/dokumen/bukti-laporan), which checks its content, not its name.
 */
export function EvidenceUpload({ reportId, types }: EvidenceUploadProps) {
  const id = useId();
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const xhrRef = useRef<XMLHttpRequest | null>(null);
  const [type, setType] = useState(types.length === 1 ? types[0].value : "");
  const [errors, setErrors] = useState<Errors>({});
  const [progress, setProgress] = useState<number | null>(null);
  const [done, setDone] = useState(false);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = (event.currentTarget.elements.namedItem("berkas") as HTMLInputElement).files?.[0];
    const found = clientCheck(type, file);
    setDone(false);
    setErrors(found);
    if (Object.keys(found).length > 0 || !file) return;
    const xhr = new XMLHttpRequest();
    xhrRef.current = xhr;
    xhr.open("POST", `/api/dokumen/bukti-laporan?${new URLSearchParams({ reportId, type, name: file.name })}`);
    // Required by the server (CSRF): a cross-site page cannot send a custom header.
    xhr.setRequestHeader("x-sikerda-upload", "1");
    xhr.setRequestHeader("Content-Type", file.type || "application/octet-stream");
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) setProgress(Math.min(100, Math.round((e.loaded / e.total) * 100)));
    };
    xhr.onload = () => {
      xhrRef.current = null;
      setProgress(null);
      if (xhr.status !== 201) {
        setErrors({ form: serverMessage(xhr) });
        return;
      }
      formRef.current?.reset();
      setType(types.length === 1 ? types[0].value : "");
      setDone(true);
      router.refresh();
    };
    xhr.onerror = () => {
      xhrRef.current = null;
      setProgress(null);
      setErrors({ form: "Koneksi terputus saat mengunggah. Periksa jaringan lalu coba lagi." });
    };
    xhr.onabort = () => {
      xhrRef.current = null;
      setProgress(null);
      setErrors({ form: "Unggahan dibatalkan." });
    };
    setProgress(0);
    xhr.send(file);
  }

  const busy = progress !== null;
  const images = IMAGE_DOCUMENT_TYPES.includes(type as DocumentType);
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4" aria-busy={busy}>
      {errors.form && (
        <Alert tone="error" announce>
          {errors.form}
        </Alert>
      )}
      {done && (
        <Alert tone="success" announce>
          Bukti terunggah.
        </Alert>
      )}
      <div className="grid gap-4 md:grid-cols-2">
        <Field id={`${id}-type`} label="Jenis bukti" required error={errors.type}>
          {(p) => (
            <Select
              {...p}
              name="type"
              value={type}
              onChange={(e) => setType(e.target.value)}
              placeholder="— Pilih jenis bukti —"
              options={types}
              disabled={busy}
            />
          )}
        </Field>
        <Field id={`${id}-file`} label="Berkas bukti" required error={errors.file} hint={`${images ? "PDF, JPEG, atau PNG" : "PDF"}, paling besar 20 MB.`}>
          {(p) => <Input {...p} type="file" name="berkas" accept={acceptAttribute(type as DocumentType | "")} disabled={busy} />}
        </Field>
      </div>
      {busy && (
        <div className="space-y-1">
          <label htmlFor={`${id}-progress`} className="block text-sm font-medium text-slate-900">
            Mengunggah… {progress}%
          </label>
          <progress id={`${id}-progress`} max={100} value={progress} className="h-2 w-full accent-brand-700">
            {progress}%
          </progress>
        </div>
      )}
      <div className="flex gap-2">
        <Button type="submit" variant="secondary" disabled={busy}>
          Unggah Bukti
        </Button>
        {busy && (
          <Button variant="secondary" onClick={() => xhrRef.current?.abort()}>
            Batalkan
          </Button>
        )}
      </div>
    </form>
  );
}
