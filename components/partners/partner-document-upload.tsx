"use client";

import { useId, useRef, useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { fileProblem, UploadControls, useStreamedUpload } from "@/components/documents/streamed-upload";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";

type Errors = { type?: string; file?: string; form?: string };

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
  const upload = useStreamedUpload("Dokumen gagal diunggah. Coba lagi beberapa saat lagi.");
  const [done, setDone] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const elements = event.currentTarget.elements;
    const file = (elements.namedItem("berkas") as HTMLInputElement).files?.[0];
    const number = (elements.namedItem("nomor") as HTMLInputElement).value.trim();
    const found: Errors = {};
    if (!type) found.type = "Pilih jenis dokumen.";
    const problem = fileProblem(file, { missing: "Pilih berkas yang akan diunggah." });
    if (problem) found.file = problem;
    setDone(false);
    setErrors(found);
    if (Object.keys(found).length > 0 || !file) return;
    const query = new URLSearchParams({ mitra: partnerId, type, name: file.name, ...(number ? { nomor: number } : {}) });
    const result = await upload.send(`/api/dokumen-mitra?${query}`, file, "application/pdf");
    if (!result.ok) {
      setErrors({ form: result.error });
      return;
    }
    formRef.current?.reset();
    setType("");
    setDone(true);
    router.refresh();
  }

  const busy = upload.busy;
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
      <UploadControls id={id} progress={upload.progress} submitLabel="Unggah Dokumen Legal" onCancel={upload.abort} />
    </form>
  );
}
