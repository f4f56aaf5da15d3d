"use client";

// Field groups of the action panel's event forms (inside the client TransitionForm), bound to
// conform's field metadata; names are nested as the workflow's EventInput (signing.*, dprd.*, …),
// so a refusal of the workflow lands on the field it names.
import { CheckboxField, RadioGroupField, SelectField, TextareaField, TextField, type Meta } from "@/components/forms/fields";
import type { SelectOption } from "@/components/ui/select";
import type { CaseKind } from "@/lib/generated/prisma/enums";
import { DprdQuestions } from "./dprd-questions";

export type SigningOptions = {
  /** "Kesepakatan Bersama", "Perjanjian Kerja Sama", … */
  naskah: string;
  /** Only the PKS may be signed by an official with a surat kuasa. */
  allowDelegate: boolean;
  /** "Bupati (Kepala Daerah)" */
  headLabel: string;
  /** Prefill of the signer's position when the Kepala Daerah signs, e.g. "Bupati Sukamaju". */
  headPosition: string;
  /** PKS: maximum duration in years (setting) and the override field. */
  maxYears?: number;
  /** false: no validity period inputs (a Letter of Intent has none). Default true. */
  withPeriod?: boolean;
  /** The partner's name, to say whose signatory is asked for. */
  partnerName?: string | null;
  /** The region's number pattern for this naskah (settings.numberPatterns), shown as the format. */
  numberPattern?: string;
};

export function NoteField({ meta, required, hint }: { meta: Meta; required: boolean; hint?: string }) {
  return (
    <TextareaField
      meta={meta}
      label={required ? "Alasan" : "Catatan"}
      required={required}
      rows={3}
      hint={hint ?? (required ? "Wajib diisi. Alasan ini ditampilkan kepada OPD pengusul dan tercatat dalam riwayat." : "Opsional; tercatat dalam riwayat tahapan.")}
    />
  );
}

export function ChecklistFields({ meta, items }: { meta: Meta; items: readonly string[] }) {
  return (
    <div className="space-y-3">
      <div>
        <p className="text-sm font-semibold text-slate-900">Daftar periksa kelengkapan</p>
        <ul className="mt-1 list-disc space-y-1 pl-5 text-sm text-slate-800">
          {items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      </div>
      <CheckboxField
        meta={meta}
        label="Seluruh butir daftar periksa telah diperiksa dan terpenuhi"
        hint="Wajib dicentang sebelum usulan dinyatakan lengkap."
      />
    </div>
  );
}

type SigningMetas = Record<
  | "ourNumber" | "partnerNumber" | "signedAt" | "signedPlace" | "signerType" | "signerName" | "signerPosition"
  | "partnerSignerName" | "partnerSignerPosition" | "startDate" | "endDate" | "durationOverrideBasis",
  Meta
>;

export function SigningFields({ f, o, today }: { f: SigningMetas; o: SigningOptions; today: string }) {
  const choices = [
    { value: "KEPALA_DAERAH", label: o.headLabel },
    ...(o.allowDelegate ? [{ value: "PEJABAT_DIKUASAKAN", label: "Pejabat yang diberi kuasa (dengan surat kuasa)" }] : []),
  ];
  return (
    <div className="space-y-5">
      <div className="grid gap-5 md:grid-cols-2">
        <TextField
          meta={f.ourNumber}
          label="Nomor naskah pihak daerah"
          required
          autoComplete="off"
          hint={o.numberPattern ? `Pola nomor daerah: ${o.numberPattern}` : undefined}
        />
        <TextField meta={f.partnerNumber} label="Nomor naskah pihak mitra" required autoComplete="off" />
        <TextField
          meta={f.signedAt}
          label="Tanggal penandatanganan"
          required
          type="date"
          max={today}
          hint="Dicatat setelah naskah ditandatangani: tidak boleh sesudah hari ini."
        />
        <TextField meta={f.signedPlace} label="Tempat penandatanganan" required />
      </div>
      <fieldset className="space-y-4 rounded-md border border-slate-200 p-4">
        <legend className="px-1 text-sm font-semibold text-slate-900">Pihak daerah</legend>
        <RadioGroupField
          meta={f.signerType}
          label={`Penandatangan ${o.naskah}`}
          required
          choices={choices}
          hint={
            o.allowDelegate
              ? "Bila ditandatangani pejabat yang diberi kuasa, unggah Surat Kuasa Penandatanganan pada bagian Dokumen terlebih dahulu."
              : "Naskah ini hanya dapat ditandatangani oleh Kepala Daerah."
          }
        />
        <div className="grid gap-5 md:grid-cols-2">
          <TextField meta={f.signerName} label="Nama penandatangan" required />
          <TextField
            meta={f.signerPosition}
            label="Jabatan penandatangan"
            hint={o.allowDelegate ? "Wajib bila ditandatangani pejabat yang diberi kuasa." : undefined}
          />
        </div>
      </fieldset>
      <fieldset className="space-y-4 rounded-md border border-slate-200 p-4">
        <legend className="px-1 text-sm font-semibold text-slate-900">Pihak mitra{o.partnerName ? `: ${o.partnerName}` : ""}</legend>
        <div className="grid gap-5 md:grid-cols-2">
          <TextField meta={f.partnerSignerName} label="Nama penandatangan pihak mitra" required />
          <TextField meta={f.partnerSignerPosition} label="Jabatan penandatangan pihak mitra" required hint="Mis. Direktur Utama, Rektor, Wali Kota." />
        </div>
      </fieldset>
      {o.withPeriod !== false && (
        <div className="grid gap-5 md:grid-cols-2">
          <TextField meta={f.startDate} label="Berlaku mulai" required type="date" />
          <TextField
            meta={f.endDate}
            label="Berakhir pada"
            required
            type="date"
            hint={o.maxYears ? `Harus di dalam jangka waktu Kesepakatan Bersama; paling lama ${o.maxYears} tahun.` : undefined}
          />
        </div>
      )}
      {o.maxYears !== undefined && (
        <TextareaField
          meta={f.durationOverrideBasis}
          label={`Dasar hukum bila jangka waktu lebih dari ${o.maxYears} tahun`}
          rows={2}
          hint="Opsional; isi hanya bila jangka waktu PKS melebihi batas, dengan menyebut peraturan yang membolehkannya."
        />
      )}
    </div>
  );
}

export function DprdFields({ f, today }: { f: Record<"number" | "date", Meta>; today: string }) {
  return (
    <div className="grid gap-5 md:grid-cols-2">
      <TextField meta={f.number} label="Nomor keputusan/surat DPRD" required autoComplete="off" />
      <TextField meta={f.date} label="Tanggal keputusan DPRD" required type="date" max={today} />
    </div>
  );
}

export function TerminationFields({ f, options, today }: { f: Record<"ground" | "date", Meta>; options: readonly SelectOption[]; today: string }) {
  return (
    <div className="grid gap-5 md:grid-cols-2">
      <SelectField meta={f.ground} label="Dasar pengakhiran" required placeholder="— Pilih dasar pengakhiran —" options={options} />
      <TextField meta={f.date} label="Tanggal pengakhiran" required type="date" max={today} hint="Tanggal berita acara pengakhiran; tidak boleh sesudah hari ini." />
    </div>
  );
}

/** Starting an adendum: what changes (one per line) and the two DPRD questions about the change. */
export function AdendumFields({
  f, kind, ksdpkFollowsQuestions,
}: {
  f: Record<"changes" | "burdensPublic" | "budgetedInApbd", Meta>;
  kind: CaseKind;
  ksdpkFollowsQuestions: boolean;
}) {
  return (
    <div className="space-y-5">
      <TextareaField
        meta={f.changes}
        label="Pokok perubahan"
        required
        rows={4}
        hint="Satu pokok perubahan per baris, mis. “Penambahan kanal pembayaran QRIS”. Jangka waktu tidak diubah dengan adendum: untuk memperpanjang, gunakan Perpanjangan."
      />
      <DprdQuestions
        kind={kind}
        burdensPublic={f.burdensPublic}
        budgetedInApbd={f.budgetedInApbd}
        ksdpkFollowsQuestions={ksdpkFollowsQuestions}
        subject="perubahan"
      />
    </div>
  );
}
