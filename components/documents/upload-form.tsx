"use client";

import { useId, useRef, useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { IMAGE_DOCUMENT_TYPES, acceptAttribute } from "@/lib/documents/sniff";
import type { DocumentType } from "@/lib/generated/prisma/enums";

export type UploadFormProps = {
  caseId: string;
  /** Types the user may upload now (lib/documents/rules uploadableTypes + DOCUMENT_LABELS). */
  types: { value: string; label: string }[];
  /** Types whose latest version is locked (lib/documents/rules typesNeedingReason): a new upload is a correction and needs a reason. */
  lockedTypes?: string[];
  /** Where to go after a successful upload (default: stay and refresh). */
  onUploadedHref?: string;
  /** The stage the page shows: the server refuses the upload when the case has moved on. */
  stage?: string;
};

const MAX_BYTES = 20 * 1024 * 1024;
type Errors = { type?: string; file?: string; alasan?: string; form?: string };

function clientCheck(type: string, file: File | undefined, needReason: boolean, reason: string): Errors {
  const errors: Errors = {};
  if (!type) errors.type = "Pilih jenis dokumen.";
  const images = IMAGE_DOCUMENT_TYPES.includes(type as DocumentType);
  if (!file) errors.file = "Pilih berkas yang akan diunggah.";
  else if (file.size === 0) errors.file = "Berkas kosong. Pilih berkas yang berisi dokumen.";
  else if (file.size > MAX_BYTES) errors.file = "Ukuran berkas melebihi 20 MB.";
  else if (!(images ? /\.(pdf|jpe?g|png)$/i : /\.pdf$/i).test(file.name)) {
    errors.file = images ? "Berkas harus berupa PDF, JPEG, atau PNG." : "Berkas harus berupa PDF.";
  }
  if (needReason && !reason.trim()) errors.alasan = "Dokumen tahap sebelumnya terkunci: koreksi memerlukan alasan.";
  return errors;
}

function serverMessage(xhr: XMLHttpRequest): string {
  if (xhr.status === 401 || xhr.responseURL.includes("/login")) return "Sesi Anda telah berakhir. Silakan masuk kembali.";
  try {
    const body = JSON.parse(xhr.responseText) as { message?: unknown };
    if (typeof body.message === "string" && body.message) return body.message;
  } catch {
    // Not JSON (a proxy error page): fall through to the generic message.
  }
  if (xhr.status === 413) return "Ukuran berkas melebihi 20 MB.";
  return "Dokumen gagal diunggah. Coba lagi beberapa saat lagi.";
}

/** Uploads one file with real progress (XMLHttpRequest streams the file as the request body). */
export function UploadForm({ caseId, types, lockedTypes = [], onUploadedHref, stage }: UploadFormProps) {
  const id = useId();
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const xhrRef = useRef<XMLHttpRequest | null>(null);
  const [type, setType] = useState(types.length === 1 ? types[0].value : "");
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const [progress, setProgress] = useState<number | null>(null);
  const [done, setDone] = useState(false);
  const needReason = lockedTypes.includes(type);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = (event.currentTarget.elements.namedItem("berkas") as HTMLInputElement).files?.[0];
    const found = clientCheck(type, file, needReason, reason);
    setDone(false);
    setErrors(found);
    if (Object.keys(found).length > 0 || !file) return;

    const query = new URLSearchParams({ caseId, type, name: file.name });
    if (needReason) query.set("alasan", reason.trim());
    if (stage) query.set("tahap", stage);
    const xhr = new XMLHttpRequest();
    xhrRef.current = xhr;
    xhr.open("POST", `/api/dokumen?${query}`);
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
      // Start the next upload from a clean form: no type chosen, so no stale "Alasan koreksi" box.
      setType(types.length === 1 ? types[0].value : "");
      setReason("");
      setDone(true);
      if (onUploadedHref) router.push(onUploadedHref);
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
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4" aria-busy={busy}>
      {errors.form && (
        <Alert tone="error" announce>
          {errors.form}
        </Alert>
      )}
      {done && (
        <Alert tone="success" announce>
          Dokumen terunggah.
        </Alert>
      )}
      <Field id={`${id}-type`} label="Jenis dokumen" required error={errors.type}>
        {(p) => (
          <Select
            {...p}
            name="type"
            value={type}
            onChange={(e) => setType(e.target.value)}
            placeholder="— Pilih jenis dokumen —"
            options={types}
            disabled={busy}
          />
        )}
      </Field>
      <Field
        id={`${id}-file`}
        label="Berkas"
        required
        error={errors.file}
        hint={`${IMAGE_DOCUMENT_TYPES.includes(type as DocumentType) ? "PDF, JPEG, atau PNG" : "PDF"}, paling besar 20 MB.`}
      >
        {(p) => <Input {...p} type="file" name="berkas" accept={acceptAttribute(type as DocumentType | "")} disabled={busy} />}
      </Field>
      {needReason && (
        <Field
          id={`${id}-alasan`}
          label="Alasan koreksi"
          required
          error={errors.alasan}
          hint="Versi terakhir dokumen ini sudah terkunci; unggahan baru dicatat sebagai koreksi."
        >
          {(p) => (
            <Textarea {...p} name="alasan" rows={3} maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} disabled={busy} />
          )}
        </Field>
      )}
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
        <Button type="submit" variant="primary" disabled={busy}>
          Unggah Dokumen
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
