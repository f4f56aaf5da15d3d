"use client";

import { startTransition, useActionState, useId, useState, type ReactNode } from "react";
import { useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { RadioGroupField, SelectField, TextareaField, TextField } from "@/components/forms/fields";
import { FormErrorSummary } from "@/components/forms/form-error-summary";
import { NaskahFields } from "@/components/legacy/naskah-fields";
import { clientFileProblem, EMPTY_STAGED, StagedFileField, uploadStagedPdf, type StagedState } from "@/components/legacy/staged-file";
import { Alert } from "@/components/ui/alert";
import { LinkButton } from "@/components/ui/button";
import type { SelectOption } from "@/components/ui/select";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormActionFn } from "@/lib/forms/action";
import { formConstraints } from "@/lib/forms/constraints";
import type { CaseKind } from "@/lib/generated/prisma/enums";
import { archiveSchema, hasKb } from "@/lib/legacy/schema";
import { FUNDING_LABELS, GOVERNMENT_AFFAIRS, KSDD_NATURE_LABELS, KSDPK_FORM_LABELS, type PartnerOption } from "../../../usulan/options";
import { PartnerPicker, usePartnerRequest } from "../../../usulan/partner-picker";

const choices = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));
const RUNNING_NAME: Record<CaseKind, string> = {
  KSDD: "Perjanjian Kerja Sama (PKS)", KSDPK: "Perjanjian Kerja Sama (PKS)", SINERGI: "Nota Kesepakatan (NK)",
  KSDPL: "Memorandum of Understanding (MoU)", KSDLL: "Memorandum of Understanding (MoU)",
};
type FileKey = "fileInduk" | "fileNaskah" | "fileKuasa" | "fileDprd";

function Section({ title, description, children }: { title: string; description?: string; children: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id={id} className="text-base font-semibold text-slate-900">{title}</h2>
      {description && <p className="mt-1 text-sm text-slate-600">{description}</p>}
      <div className="mt-4 space-y-5">{children}</div>
    </section>
  );
}

/**
 * The Kerja Sama Arsip form. On submit the chosen PDFs are streamed first (one by one, with
 * progress), then the fields and the files' signed references go to the server action, which
 * registers everything in one transaction or answers every problem at once.
 */
export function ArchiveForm({
  kind, action, requestPartnerAction, partners, opdOptions, ptnBhKind, headTitle,
}: {
  kind: CaseKind;
  action: FormActionFn;
  requestPartnerAction: FormActionFn;
  partners: PartnerOption[];
  opdOptions: SelectOption[];
  ptnBhKind: "SINERGI" | "KSDPK";
  headTitle: string;
}) {
  const [lastResult, formAction, pending] = useActionState(action, undefined);
  const [files, setFiles] = useState<Record<FileKey, StagedState>>({
    fileInduk: EMPTY_STAGED, fileNaskah: EMPTY_STAGED, fileKuasa: EMPTY_STAGED, fileDprd: EMPTY_STAGED,
  });
  const [uploading, setUploading] = useState(false);
  const [signerType, setSignerType] = useState("KEPALA_DAERAH");
  const [dprdAnswer, setDprdAnswer] = useState<string | undefined>(undefined);
  const withKb = hasKb(kind);
  const needsDprd = kind === "KSDPL" || kind === "KSDLL" || (withKb && dprdAnswer === "ya");
  const setFile = (key: FileKey, patch: Partial<StagedState>) => setFiles((all) => ({ ...all, [key]: { ...all[key], ...patch } }));

  const [form, fields] = useForm({
    id: "arsip",
    lastResult,
    defaultValue: { kind, naskah: { signerType: "KEPALA_DAERAH" } },
    constraint: formConstraints(archiveSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: archiveSchema }),
    onSubmit(event, { formData }) {
      event.preventDefault();
      const wanted: [FileKey, boolean][] = [
        ["fileNaskah", true], ["fileInduk", withKb], ["fileKuasa", withKb && signerType === "PEJABAT_DIKUASAKAN"], ["fileDprd", false],
      ];
      let blocked = false;
      for (const [key, required] of wanted) {
        const problem = clientFileProblem(files[key].file, required && !files[key].token);
        setFile(key, { error: problem });
        if (problem) blocked = true;
      }
      if (blocked) return;
      void (async () => {
        setUploading(true);
        for (const [key] of wanted) {
          const s = files[key];
          if (!s.file || s.token) {
            if (s.token) formData.set(key, s.token);
            continue;
          }
          setFile(key, { progress: 0, error: null });
          const result = await uploadStagedPdf(s.file, (p) => setFile(key, { progress: p }));
          if ("error" in result) {
            setFile(key, { progress: null, error: result.error });
            setUploading(false);
            return;
          }
          setFile(key, { progress: null, token: result.token });
          formData.set(key, result.token);
        }
        setUploading(false);
        startTransition(() => formAction(formData));
      })();
    },
  });
  const f = fields;
  const request = usePartnerRequest(requestPartnerAction, kind);
  const induk = f.induk.getFieldset();
  const naskah = f.naskah.getFieldset();
  const fileField = (key: FileKey, label: string, required: boolean, hint?: string) => (
    <StagedFileField
      name={key} label={label} hint={hint} required={required} state={files[key]} formId={form.id}
      serverError={f[key].errors} onChange={(file) => setFile(key, { file, token: "", error: null })}
    />
  );

  return (
    <>
      <form id={form.id} onSubmit={form.onSubmit} action={formAction} noValidate className="space-y-6">
        <FormErrorSummary form={form} lastResult={lastResult} />
        <input type="hidden" name="kind" value={kind} />
        <Section title="Identitas kerja sama">
          <TextField meta={f.title} label="Judul kerja sama" hint="Contoh: Penanganan Sampah Regional Wilayah Perbatasan." autoComplete="off" />
          <PartnerPicker kind={kind} partners={partners} meta={f.partnerId} ptnBhKind={ptnBhKind} request={request} />
          <SelectField meta={f.opdId} label="OPD pelaksana" required placeholder="— Pilih OPD —" options={opdOptions} hint="OPD yang melaksanakan dan melaporkan kerja sama ini." />
          {kind === "KSDD" && <RadioGroupField meta={f.ksddNature} label="Sifat kerja sama" required choices={choices(KSDD_NATURE_LABELS)} />}
          {kind === "KSDPK" && <RadioGroupField meta={f.ksdpkForm} label="Bentuk kerja sama" required choices={choices(KSDPK_FORM_LABELS)} />}
        </Section>

        <Section title="Substansi dan pendanaan">
          <TextareaField meta={f.subject} label="Objek kerja sama" rows={2} />
          <SelectField meta={f.governmentAffair} label="Urusan pemerintahan" placeholder="— Pilih urusan —" options={GOVERNMENT_AFFAIRS.map((a) => ({ value: a, label: a }))} />
          <TextareaField meta={f.scope} label="Ruang lingkup" rows={3} hint="Satu kegiatan per baris." />
          <div className="grid gap-5 md:grid-cols-3">
            <SelectField meta={f.fundingSource} label="Sumber pendanaan" placeholder="— Pilih sumber —" options={choices(FUNDING_LABELS)} />
            <TextField meta={f.fundingAmount} label="Nilai (Rp)" hint="Angka saja, contoh: 1.500.000" inputMode="numeric" autoComplete="off" />
            <TextField meta={f.fundingYear} label="Tahun anggaran" hint="Contoh: 2024" inputMode="numeric" autoComplete="off" />
          </div>
        </Section>

        <Section
          title="Persetujuan DPRD"
          description={withKb ? "Diperlukan bila kerja sama membebani masyarakat dan daerah atau belum dianggarkan dalam APBD." : kind === "SINERGI" ? "Sinergi program pemerintah pusat tidak memerlukan persetujuan DPRD." : "Kerja sama luar negeri selalu dengan persetujuan DPRD (Permendagri 25/2020)."}
        >
          {withKb && (
            <RadioGroupField meta={f.requiresDprd} label="Apakah kerja sama ini memerlukan persetujuan DPRD?" required inline onChange={setDprdAnswer}
              choices={[{ value: "ya", label: "Ya" }, { value: "tidak", label: "Tidak" }]} />
          )}
          {needsDprd && (
            <div className="grid gap-5 md:grid-cols-2">
              <TextField meta={f.dprdNumber} label="Nomor keputusan DPRD" required autoComplete="off" />
              <TextField meta={f.dprdDate} label="Tanggal keputusan DPRD" required type="date" />
              <div className="md:col-span-2">{fileField("fileDprd", "PDF keputusan/persetujuan DPRD", false, "Boleh menyusul; PDF, paling besar 20 MB.")}</div>
            </div>
          )}
        </Section>

        {withKb && (
          <Section title="Kesepakatan Bersama (KB)" description="Naskah induk yang sudah ditandatangani.">
            <NaskahFields fields={induk} name="Kesepakatan Bersama" delegable={false} headTitle={headTitle}>
              {fileField("fileInduk", "PDF Kesepakatan Bersama yang ditandatangani", true)}
            </NaskahFields>
          </Section>
        )}

        <Section title={RUNNING_NAME[kind]} description={withKb ? "PKS di bawah Kesepakatan Bersama di atas: jangka waktunya di dalam jangka waktu KB." : undefined}>
          {/* The signer radios (inside NaskahFields) decide whether the surat kuasa is asked for. */}
          <div onChange={(e) => { const t = e.target as HTMLInputElement; if (t.name === "naskah.signerType") setSignerType(t.value); }}>
          <NaskahFields fields={naskah} name={RUNNING_NAME[kind]} delegable={withKb} headTitle={headTitle}>
            {withKb && signerType === "PEJABAT_DIKUASAKAN" && fileField("fileKuasa", "PDF surat kuasa penandatanganan", true)}
            {fileField("fileNaskah", `PDF ${RUNNING_NAME[kind]} yang ditandatangani`, true)}
          </NaskahFields>
          </div>
        </Section>

        <Alert tone="info" title="Setelah didaftarkan">
          Kerja sama tercatat langsung sebagai <strong>Pelaksanaan (Aktif)</strong>, atau <strong>Berakhir</strong> bila jangka
          waktunya sudah lewat; riwayatnya mencatat bahwa kerja sama berasal dari arsip. Berkas PDF diunggah saat Anda menekan
          tombol di bawah.
        </Alert>
        <div className="flex flex-wrap gap-3">
          <SubmitButton pending={pending || uploading} pendingLabel={uploading ? "Mengunggah berkas…" : "Menyimpan…"}>
            Daftarkan Kerja Sama Arsip
          </SubmitButton>
          <LinkButton href="/kerja-sama/arsip/baru" variant="secondary">Ganti jenis</LinkButton>
        </div>
      </form>
      <form id={request.form.id} onSubmit={request.form.onSubmit} action={request.formAction} noValidate />
    </>
  );
}
