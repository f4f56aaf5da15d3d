"use client";

import { useId, useRef, useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";

const MAX_BYTES = 20 * 1024 * 1024;
type Errors = { type?: string; file?: string; form?: string };

function serverMessage(xhr: XMLHttpRequest): string {
  if (xhr.status === 401) return "Sesi Anda telah berakhir. Silakan masuk kembali.";
  try {
    const body = JSON.parse(xhr.responseText) as { message?: unknown };
    if (typeof body.message === "string" && body.message) return body.message;
  } catch {
    // Not JSON: the generic message below.
  }
  if (xhr.status === 413) return "Ukuran berkas melebihi 20 MB.";
  return "Dokumen gagal diunggah. Coba lagi beberapa saat lagi.";
}

/**
 * Uploads a partner's legal document (PDF, ≤ 20 MB) to the streamed route /api/dokumen-mitra with
 * real progress; the server checks the content (the first bytes must be a PDF).
 */
export function PartnerDocumentUpload({ partnerId, types }: { partnerId: string; types: { value: string; label: string }[] }) {
  const id = useId();
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [type, setType] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const [progress, setProgress] = useState<number | null>(null);
  const [done, setDone] = useState(false);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const elements = event.currentTarget.elements;
    const file = (elements.namedItem("berkas") as HTMLInputElement).files?.[0];
    const number = (elements.namedItem("nomor") as HTMLInputElement).value.trim();
    const found: Errors = {};
    if (!type) found.type = "Pilih jenis dokumen.";
    if (!file) found.file = "Pilih berkas yang akan diunggah.";
    else if (file.size === 0) found.file = "Berkas kosong. Pilih berkas yang berisi dokumen.";
    else if (file.size > MAX_BYTES) found.file = "Ukuran berkas melebihi 20 MB.";
    else if (!/\.pdf$/i.test(file.name)) found.file = "Berkas harus berupa PDF.";
    setDone(false);
    setErrors(found);
    if (Object.keys(found).length > 0 || !file) return;
    const query = new URLSearchParams({ mitra: partnerId, type, name: file.name, ...(number ? { nomor: number } : {}) });
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/dokumen-mitra?${query}`);
    // Required by the server (CSRF): a cross-site page cannot send a custom header.
    xhr.setRequestHeader("x-sikerda-upload", "1");
    xhr.setRequestHeader("Content-Type", "application/pdf");
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) setProgress(Math.min(100, Math.round((e.loaded / e.total) * 100)));
    };
    xhr.onload = () => {
      setProgress(null);
      if (xhr.status !== 201) {
        setErrors({ form: serverMessage(xhr) });
        return;
      }
      formRef.current?.reset();
      setType("");
      setDone(true);
      router.refresh();
    };
    xhr.onerror = () => {
      setProgress(null);
      setErrors({ form: "Koneksi terputus saat mengunggah. Periksa jaringan lalu coba lagi." });
    };
    setProgress(0);
    xhr.send(file);
  }

  const busy = progress !== null;
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4" aria-busy={busy}>
      {errors.form && <Alert tone="error" announce>{errors.form}</Alert>}
      {done && <Alert tone="success" announce>Dokumen legal terunggah.</Alert>}
      <div className="grid gap-4 md:grid-cols-2">
        <Field id={`${id}-type`} label="Jenis dokumen" required error={errors.type}>
          {(p) => (
            <Select {...p} name="type" value={type} onChange={(e) => setType(e.target.value)} placeholder="— Pilih jenis dokumen —" options={types} disabled={busy} />
          )}
        </Field>
        <Field id={`${id}-nomor`} label="Nomor dan tanggal dokumen" hint="Mis. AHU-0012345.AH.01.01 Tahun 2019 (opsional).">
          {(p) => <Input {...p} name="nomor" maxLength={200} autoComplete="off" disabled={busy} />}
        </Field>
        <Field id={`${id}-file`} label="Berkas" required error={errors.file} hint="PDF, paling besar 20 MB." className="md:col-span-2">
          {(p) => <Input {...p} type="file" name="berkas" accept=".pdf,application/pdf" disabled={busy} />}
        </Field>
      </div>
      {busy && (
        <div>
          <progress max={100} value={progress ?? 0} className="w-full" aria-label="Kemajuan unggahan" />
          <p className="text-sm text-slate-600" role="status">Mengunggah… {progress}%</p>
        </div>
      )}
      <Button type="submit" variant="secondary" disabled={busy}>
        {busy ? "Mengunggah…" : "Unggah Dokumen Legal"}
      </Button>
    </form>
  );
}
