"use client";

import { useId, useRef, useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { fileProblem, UploadControls, useStreamedUpload } from "@/components/documents/streamed-upload";
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

type Errors = { type?: string; file?: string; alasan?: string; form?: string };

function clientCheck(type: string, file: File | undefined, needReason: boolean, reason: string): Errors {
  const errors: Errors = {};
  if (!type) errors.type = "Pilih jenis dokumen.";
  const images = IMAGE_DOCUMENT_TYPES.includes(type as DocumentType);
  const problem = fileProblem(file, { images, missing: "Pilih berkas yang akan diunggah." });
  if (problem) errors.file = problem;
  if (needReason && !reason.trim()) errors.alasan = "Dokumen tahap sebelumnya terkunci: koreksi memerlukan alasan.";
  return errors;
}

/** Uploads one file with real progress (XMLHttpRequest streams the file as the request body). */
export function UploadForm({ caseId, types, lockedTypes = [], onUploadedHref, stage }: UploadFormProps) {
  const id = useId();
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [type, setType] = useState(types.length === 1 ? types[0].value : "");
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const upload = useStreamedUpload("Dokumen gagal diunggah. Coba lagi beberapa saat lagi.");
  const [done, setDone] = useState(false);
  const needReason = lockedTypes.includes(type);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = (event.currentTarget.elements.namedItem("berkas") as HTMLInputElement).files?.[0];
    const found = clientCheck(type, file, needReason, reason);
    setDone(false);
    setErrors(found);
    if (Object.keys(found).length > 0 || !file) return;

    const query = new URLSearchParams({ caseId, type, name: file.name });
    if (needReason) query.set("alasan", reason.trim());
    if (stage) query.set("tahap", stage);
    const result = await upload.send(`/api/dokumen?${query}`, file);
    if (!result.ok) {
      setErrors({ form: result.error });
      return;
    }
    formRef.current?.reset();
    // Start the next upload from a clean form: no type chosen, so no stale "Alasan koreksi" box.
    setType(types.length === 1 ? types[0].value : "");
    setReason("");
    setDone(true);
    if (onUploadedHref) router.push(onUploadedHref);
    router.refresh();
  }

  const busy = upload.busy;
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
      <UploadControls id={id} progress={upload.progress} submitLabel="Unggah Dokumen" onCancel={upload.abort} variant="primary" />
    </form>
  );
}
