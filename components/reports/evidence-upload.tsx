"use client";

import { useId, useRef, useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { fileProblem, UploadControls, useStreamedUpload } from "@/components/documents/streamed-upload";
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

type Errors = { type?: string; file?: string; form?: string };

function clientCheck(type: string, file: File | undefined): Errors {
  const errors: Errors = {};
  if (!type) errors.type = "Pilih jenis bukti.";
  const images = IMAGE_DOCUMENT_TYPES.includes(type as DocumentType);
  const problem = fileProblem(file, { images, missing: "Pilih berkas yang akan diunggah." });
  if (problem) errors.file = problem;
  return errors;
}

/**
 * Uploads one evidence file to a report with real progress: the file is the request body, streamed
 * to the server (POST /api/dokumen/bukti-laporan), which checks its content, not its name.
 */
export function EvidenceUpload({ reportId, types }: EvidenceUploadProps) {
  const id = useId();
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [type, setType] = useState(types.length === 1 ? types[0].value : "");
  const [errors, setErrors] = useState<Errors>({});
  const upload = useStreamedUpload("Bukti gagal diunggah. Coba lagi beberapa saat lagi.");
  const [done, setDone] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = (event.currentTarget.elements.namedItem("berkas") as HTMLInputElement).files?.[0];
    const found = clientCheck(type, file);
    setDone(false);
    setErrors(found);
    if (Object.keys(found).length > 0 || !file) return;
    const result = await upload.send(`/api/dokumen/bukti-laporan?${new URLSearchParams({ reportId, type, name: file.name })}`, file);
    if (!result.ok) {
      setErrors({ form: result.error });
      return;
    }
    formRef.current?.reset();
    setType(types.length === 1 ? types[0].value : "");
    setDone(true);
    router.refresh();
  }

  const busy = upload.busy;
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
      <UploadControls id={id} progress={upload.progress} submitLabel="Unggah Bukti" onCancel={upload.abort} />
    </form>
  );
}
