"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { LinkButton } from "@/components/ui/button";
import { Radio } from "@/components/ui/checkbox";
import { Field, FieldSet } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select, type SelectOption } from "@/components/ui/select";
import { SubmitButton } from "@/components/ui/submit-button";
import { Textarea } from "@/components/ui/textarea";
import type { CaseKind } from "@/lib/generated/prisma/enums";
import { FormErrorSummary } from "@/components/ui/form-error-summary";
import type { ProposalFormState } from "./actions";
import { DprdQuestions } from "./dprd-questions";
import {
  FUNDING_LABELS,
  GOVERNMENT_AFFAIRS,
  KSDD_NATURE_LABELS,
  KSDPK_FORM_LABELS,
  type PartnerOption,
} from "./options";
import { PARTNER_FORM_ID, PartnerPicker, usePartnerRequest } from "./partner-picker";

const P = "usulan";
const FUNDING_OPTIONS = Object.entries(FUNDING_LABELS).map(([value, label]) => ({ value, label }));

type Props = {
  /** "mitra": partner-initiated KSDPK registered by Bagian Kerja Sama (adds the disposisi OPD). */
  mode: "create" | "edit" | "mitra";
  kind: CaseKind;
  action: (state: ProposalFormState, formData: FormData) => Promise<ProposalFormState>;
  initial?: Record<string, string>;
  partners: PartnerOption[];
  opdOptions?: SelectOption[];
  ksdpkFollowsQuestions: boolean;
  /** Labels of the documents to upload on the case page after saving. */
  requiredDocuments: string[];
  cancelHref: string;
  /** Edit mode: the case was offered by the partner (wording of the document hint). */
  byPartner?: boolean;
};

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 className="mb-4 text-base font-semibold text-slate-900">{title}</h2>
      <div className="space-y-5">{children}</div>
    </section>
  );
}

export function ProposalForm(props: Props) {
  const { mode, kind, action, initial = {}, partners, opdOptions = [], ksdpkFollowsQuestions, requiredDocuments } = props;
  const [state, formAction] = useActionState(action, {});
  const v = state.values ?? initial;
  const err = state.fieldErrors ?? {};
  // Selects and radios re-mount per attempt so a failed submission shows what was sent.
  const k = state.attempt ?? 0;
  const request = usePartnerRequest(k);
  const affairs = v.governmentAffair && !(GOVERNMENT_AFFAIRS as readonly string[]).includes(v.governmentAffair)
    ? [v.governmentAffair, ...GOVERNMENT_AFFAIRS]
    : GOVERNMENT_AFFAIRS;
  const text = (name: string, labelText: string, hint?: string, rows = 3, max = 4000) => (
    <Field id={`${P}-${name}`} label={labelText} required error={err[name]} hint={hint}>
      {(p) => <Textarea key={`${name}-${k}`} {...p} name={name} defaultValue={v[name]} rows={rows} maxLength={max} />}
    </Field>
  );

  return (
    <>
      <form action={formAction} noValidate className="space-y-6">
        <FormErrorSummary state={state} idPrefix={P} />
        {state.stale && (
          <p className="text-sm">
            <a href="" className="font-semibold text-brand-800 underline">
              Muat ulang halaman
            </a>{" "}
            untuk melihat data terbaru; perubahan Anda di formulir ini belum tersimpan.
          </p>
        )}
        <input type="hidden" name="kind" value={kind} />
        {mode === "edit" && <input type="hidden" name="version" value={initial.version ?? ""} />}

        <Section title="Identitas usulan">
          <Field id={`${P}-title`} label="Judul kerja sama" required error={err.title} hint="Contoh: Kerja Sama Pelayanan Kesehatan Rujukan Wilayah Perbatasan.">
            {(p) => <Input key={`title-${k}`} {...p} name="title" defaultValue={v.title} maxLength={200} autoComplete="off" />}
          </Field>
          {mode === "mitra" && (
            <Field id={`${P}-opdId`} label="OPD yang diberi disposisi" required error={err.opdId} hint="OPD yang memberi pendapat teknis dan kelak melaksanakan kerja sama.">
              {(p) => <Select key={`opd-${k}`} {...p} name="opdId" defaultValue={v.opdId ?? ""} placeholder="— Pilih OPD —" options={opdOptions} />}
            </Field>
          )}
          <PartnerPicker
            kind={kind}
            partners={partners}
            defaultPartnerId={v.partnerId}
            attempt={k}
            error={err.partnerId}
            idPrefix={P}
            request={request}
          />
          {kind === "KSDD" && (
            <FieldSet key={`nature-${k}`} id={`${P}-ksddNature`} legend="Sifat kerja sama" required error={err.ksddNature}>
              {Object.entries(KSDD_NATURE_LABELS).map(([value, label]) => (
                <Radio key={value} id={`${P}-ksddNature-${value}`} name="ksddNature" value={value} label={label} defaultChecked={v.ksddNature === value} />
              ))}
            </FieldSet>
          )}
          {kind === "KSDPK" && (
            <FieldSet key={`form-${k}`} id={`${P}-ksdpkForm`} legend="Bentuk kerja sama" required error={err.ksdpkForm}>
              {Object.entries(KSDPK_FORM_LABELS).map(([value, label]) => (
                <Radio key={value} id={`${P}-ksdpkForm-${value}`} name="ksdpkForm" value={value} label={label} defaultChecked={v.ksdpkForm === value} />
              ))}
            </FieldSet>
          )}
        </Section>

        <Section title="Substansi kerja sama">
          {text("subject", "Objek kerja sama", "Apa yang dikerjasamakan, misalnya layanan rujukan pasien atau pengelolaan pasar.", 2, 500)}
          <Field id={`${P}-governmentAffair`} label="Urusan pemerintahan" required error={err.governmentAffair}>
            {(p) => (
              <Select key={`affair-${k}`} {...p} name="governmentAffair" defaultValue={v.governmentAffair ?? ""} placeholder="— Pilih urusan —"
                options={affairs.map((a) => ({ value: a, label: a }))} />
            )}
          </Field>
          {text("purpose", "Maksud dan tujuan")}
          {text("scope", "Ruang lingkup", "Tulis satu kegiatan per baris.", 4)}
          {text("benefits", "Manfaat", "Manfaat bagi masyarakat dan daerah.")}
        </Section>

        <Section title="Pendanaan dan rencana jangka waktu">
          <div className="grid gap-5 md:grid-cols-3">
            <Field id={`${P}-fundingSource`} label="Sumber pendanaan" required error={err.fundingSource}>
              {(p) => <Select key={`fs-${k}`} {...p} name="fundingSource" defaultValue={v.fundingSource ?? ""} placeholder="— Pilih sumber —" options={FUNDING_OPTIONS} />}
            </Field>
            <Field id={`${P}-fundingAmount`} label="Nilai (Rp)" error={err.fundingAmount} hint="Angka saja, contoh: 1.500.000">
              {(p) => <Input key={`fa-${k}`} {...p} name="fundingAmount" defaultValue={v.fundingAmount} inputMode="numeric" maxLength={30} autoComplete="off" />}
            </Field>
            <Field id={`${P}-fundingYear`} label="Tahun anggaran" error={err.fundingYear} hint="Contoh: 2026">
              {(p) => <Input key={`fy-${k}`} {...p} name="fundingYear" defaultValue={v.fundingYear} inputMode="numeric" maxLength={4} autoComplete="off" />}
            </Field>
            <Field id={`${P}-proposedStart`} label="Rencana mulai" error={err.proposedStart}>
              {(p) => <Input key={`ps-${k}`} {...p} type="date" name="proposedStart" defaultValue={v.proposedStart} />}
            </Field>
            <Field id={`${P}-proposedEnd`} label="Rencana berakhir" error={err.proposedEnd} hint="Jangka waktu PKS paling lama 5 tahun, kecuali ada dasar hukum.">
              {(p) => <Input key={`pe-${k}`} {...p} type="date" name="proposedEnd" defaultValue={v.proposedEnd} />}
            </Field>
          </div>
        </Section>

        <Section title="Persetujuan DPRD">
          <DprdQuestions key={`dprd-${k}`} kind={kind} values={v} errors={err} ksdpkFollowsQuestions={ksdpkFollowsQuestions} idPrefix={P} />
        </Section>

        <Alert tone="info" title={mode === "edit" ? "Dokumen dikelola di halaman usulan" : "Dokumen diunggah setelah draf disimpan"}>
          {requiredDocuments.length > 0 && (
            <>
              Sebelum {mode === "mitra" || (mode === "edit" && props.byPartner) ? "didaftarkan ke verifikasi" : "diajukan"}, usulan
              ini memerlukan: <strong>{requiredDocuments.join("; ")}</strong>.{" "}
            </>
          )}
          {mode === "edit"
            ? "Setelah perubahan disimpan, Anda kembali ke halaman usulan untuk mengunggah atau mengganti dokumen (PDF)."
            : "Unggahan memerlukan nomor usulan, jadi setelah menekan Simpan Draf Anda diarahkan ke halaman usulan untuk mengunggah dokumen (PDF)"}
          {mode === "create" && ", lalu menekan Ajukan."}
          {mode === "mitra" && ", lalu menekan Daftarkan Penawaran Mitra ke Verifikasi."}
        </Alert>

        <div className="flex flex-wrap gap-3">
          <SubmitButton>{mode === "edit" ? "Simpan Perubahan" : "Simpan Draf"}</SubmitButton>
          <LinkButton href={props.cancelHref} variant="secondary">
            Batal
          </LinkButton>
        </div>
      </form>
      {/* The partner request's own form: outside the proposal form, its fields point here via `form`. */}
      <form id={PARTNER_FORM_ID} action={request.formAction} noValidate />
    </>
  );
}
