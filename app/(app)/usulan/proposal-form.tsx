"use client";

import type { ReactNode } from "react";
import { RadioGroupField, SelectField, TextareaField, TextField } from "@/components/forms/fields";
import { FormErrorSummary } from "@/components/forms/form-error-summary";
import { useFormAction } from "@/components/forms/use-form-action";
import { Alert } from "@/components/ui/alert";
import { LinkButton } from "@/components/ui/button";
import type { SelectOption } from "@/components/ui/select";
import { SubmitButton } from "@/components/ui/submit-button";
import { draftSchema, draftUpdateSchema, partnerOfferSchema } from "@/lib/cases/schemas";
import type { FormActionFn } from "@/lib/forms/action";
import type { CaseKind } from "@/lib/generated/prisma/enums";
import { DprdQuestions } from "@/components/cases/dprd-questions";
import { FUNDING_LABELS, GOVERNMENT_AFFAIRS, KSDD_NATURE_LABELS, KSDPK_FORM_LABELS, type PartnerOption } from "./options";
import { PartnerPicker, usePartnerRequest } from "./partner-picker";

const FUNDING_OPTIONS = Object.entries(FUNDING_LABELS).map(([value, label]) => ({ value, label }));
const choices = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

type Props = {
  /** "mitra": partner-initiated KSDPK registered by Bagian Kerja Sama (adds the disposisi OPD). */
  mode: "create" | "edit" | "mitra";
  kind: CaseKind;
  action: FormActionFn;
  requestPartnerAction: FormActionFn;
  /** Edit mode: the case's id, version and current values as the inputs show them. */
  initial?: Record<string, string>;
  partners: PartnerOption[];
  opdOptions?: SelectOption[];
  ksdpkFollowsQuestions: boolean;
  ptnBhKind: "SINERGI" | "KSDPK";
  /** Labels of the documents to upload on the case page after saving. */
  requiredDocuments: string[];
  /** Who acts after submission (the operator learns it up front). */
  nextStepHint?: string;
  cancelHref: string;
  /** Edit mode: the case was offered by the partner (wording of the document hint). */
  byPartner?: boolean;
};

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 className="mb-4 text-base font-semibold text-slate-900">{title}</h2>
      <div className="space-y-5">{children}</div>
    </section>
  );
}

const SCHEMAS = { create: draftSchema, edit: draftUpdateSchema, mitra: partnerOfferSchema } as const;

/**
 * The usulan form (create, edit, partner's offer). Every field except the title and the jenis may
 * stay empty in a draft: "(wajib)" marks what must be complete before the usulan is submitted,
 * which the workflow checks then.
 */
export function ProposalForm(props: Props) {
  const { mode, kind, action, initial = {}, partners, opdOptions = [], ksdpkFollowsQuestions, requiredDocuments } = props;
  const { form, fields: f, formAction, lastResult, pending } = useFormAction(action, SCHEMAS[mode], {
    id: "usulan",
    defaultValue: { ...initial, kind },
  });
  const request = usePartnerRequest(props.requestPartnerAction, kind);
  const affair = f.governmentAffair.initialValue as string | undefined;
  const affairs = affair && !(GOVERNMENT_AFFAIRS as readonly string[]).includes(affair) ? [affair, ...GOVERNMENT_AFFAIRS] : GOVERNMENT_AFFAIRS;
  const submitWord = mode === "mitra" || (mode === "edit" && props.byPartner) ? "didaftarkan ke verifikasi" : "diajukan";

  return (
    <>
      <form id={form.id} onSubmit={form.onSubmit} action={formAction} noValidate className="space-y-6">
        <FormErrorSummary form={form} lastResult={lastResult} />
        <input type="hidden" name="kind" value={kind} />
        {mode === "edit" && (
          <>
            <input type="hidden" name="id" value={initial.id} />
            <input type="hidden" name="version" value={initial.version} />
          </>
        )}

        <Section title="Identitas usulan">
          <TextField
            meta={f.title}
            label="Judul kerja sama"
            hint="Contoh: Kerja Sama Pelayanan Kesehatan Rujukan Wilayah Perbatasan."
            autoComplete="off"
          />
          {mode === "mitra" && (
            <SelectField
              meta={f.opdId}
              label="OPD yang diberi disposisi"
              hint="OPD yang memberi pendapat teknis dan kelak melaksanakan kerja sama."
              placeholder="— Pilih OPD —"
              options={opdOptions}
            />
          )}
          <PartnerPicker kind={kind} partners={partners} meta={f.partnerId} ptnBhKind={props.ptnBhKind} request={request} />
          {kind === "KSDD" && <RadioGroupField meta={f.ksddNature} label="Sifat kerja sama" required choices={choices(KSDD_NATURE_LABELS)} />}
          {kind === "KSDPK" && <RadioGroupField meta={f.ksdpkForm} label="Bentuk kerja sama" required choices={choices(KSDPK_FORM_LABELS)} />}
        </Section>

        <Section title="Substansi kerja sama">
          <TextareaField
            meta={f.subject}
            label="Objek kerja sama"
            required
            rows={2}
            hint="Apa yang dikerjasamakan, misalnya layanan rujukan pasien atau pengelolaan pasar."
          />
          <SelectField
            meta={f.governmentAffair}
            label="Urusan pemerintahan"
            required
            placeholder="— Pilih urusan —"
            options={affairs.map((a) => ({ value: a, label: a }))}
          />
          <TextareaField meta={f.purpose} label="Maksud dan tujuan" required />
          <TextareaField meta={f.scope} label="Ruang lingkup" required rows={4} hint="Tulis satu kegiatan per baris." />
          <TextareaField meta={f.benefits} label="Manfaat" required hint="Manfaat bagi masyarakat dan daerah." />
        </Section>

        <Section title="Pendanaan dan rencana jangka waktu">
          <div className="grid gap-5 md:grid-cols-3">
            <SelectField meta={f.fundingSource} label="Sumber pendanaan" required placeholder="— Pilih sumber —" options={FUNDING_OPTIONS} />
            <TextField meta={f.fundingAmount} label="Nilai (Rp)" hint="Angka saja, contoh: 1.500.000" inputMode="numeric" autoComplete="off" />
            <TextField meta={f.fundingYear} label="Tahun anggaran" hint="Contoh: 2026" inputMode="numeric" autoComplete="off" />
            <TextField meta={f.proposedStart} label="Rencana mulai" type="date" />
            <TextField meta={f.proposedEnd} label="Rencana berakhir" type="date" hint="Jangka waktu PKS paling lama 5 tahun, kecuali ada dasar hukum." />
          </div>
        </Section>

        <Section title="Persetujuan DPRD">
          <DprdQuestions
            kind={kind}
            burdensPublic={f.burdensPublic}
            budgetedInApbd={f.budgetedInApbd}
            ksdpkFollowsQuestions={ksdpkFollowsQuestions}
          />
        </Section>

        <Alert tone="info" title={mode === "edit" ? "Dokumen dikelola di halaman usulan" : "Dokumen diunggah setelah draf disimpan"}>
          {requiredDocuments.length > 0 && (
            <>
              Sebelum {submitWord}, usulan ini memerlukan: <strong>{requiredDocuments.join("; ")}</strong>.{" "}
            </>
          )}
          {mode === "edit"
            ? "Setelah perubahan disimpan, Anda kembali ke halaman usulan untuk mengunggah atau mengganti dokumen (PDF)."
            : "Unggahan memerlukan nomor usulan, jadi setelah menekan Simpan Draf Anda diarahkan ke halaman usulan untuk mengunggah dokumen (PDF)"}
          {mode === "create" && ", lalu menekan Ajukan."}
          {mode === "mitra" && ", lalu menekan Daftarkan Penawaran Mitra ke Verifikasi."}
          {props.nextStepHint && <p className="mt-2">{props.nextStepHint}</p>}
        </Alert>

        <div className="flex flex-wrap gap-3">
          <SubmitButton pending={pending}>{mode === "edit" ? "Simpan Perubahan" : "Simpan Draf"}</SubmitButton>
          <LinkButton href={props.cancelHref} variant="secondary">
            Batal
          </LinkButton>
        </div>
      </form>
      {/* The partner request's own form: outside the proposal form, its fields point here via `form`. */}
      <form id={request.form.id} onSubmit={request.form.onSubmit} action={request.formAction} noValidate />
    </>
  );
}
