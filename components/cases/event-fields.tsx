// Field groups of the action panel's event forms (rendered inside the client TransitionForm).
import { Checkbox, Radio } from "@/components/ui/checkbox";
import { Field, FieldSet } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select, type SelectOption } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";

type Values = Record<string, string>;
type Errors = Record<string, string>;
type Common = { p: string; v: Values; err: Errors; k: number };

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
};

export function NoteField({ p, v, err, required, hint }: Common & { required: boolean; hint?: string }) {
  return (
    <Field
      id={`${p}-note`}
      label={required ? "Alasan" : "Catatan"}
      required={required}
      error={err.note}
      hint={hint ?? (required ? "Wajib diisi. Alasan ini ditampilkan kepada OPD pengusul dan tercatat dalam riwayat." : "Opsional; tercatat dalam riwayat tahapan.")}
    >
      {(c) => <Textarea {...c} name="note" rows={3} maxLength={4000} defaultValue={v.note} required={required} />}
    </Field>
  );
}

export function ChecklistFields({ p, v, err, k, items }: Common & { items: readonly string[] }) {
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
      <Checkbox
        key={`check-${k}`}
        id={`${p}-checklistComplete`}
        name="checklistComplete"
        required
        defaultChecked={v.checklistComplete === "on"}
        label="Seluruh butir daftar periksa telah diperiksa dan terpenuhi"
        hint="Wajib dicentang sebelum usulan dinyatakan lengkap."
        aria-invalid={err.checklistComplete ? true : undefined}
      />
      {err.checklistComplete && <p className="pl-8 text-sm font-medium text-red-700">{err.checklistComplete}</p>}
    </div>
  );
}

export function SigningFields({ p, v, err, k, o }: Common & { o: SigningOptions }) {
  const signer = v.signerType ?? "KEPALA_DAERAH";
  return (
    <div className="space-y-5">
      <div className="grid gap-5 md:grid-cols-2">
        <Field id={`${p}-ourNumber`} label="Nomor naskah pihak daerah" required error={err.ourNumber}>
          {(c) => <Input {...c} name="ourNumber" defaultValue={v.ourNumber} maxLength={100} autoComplete="off" />}
        </Field>
        <Field id={`${p}-partnerNumber`} label="Nomor naskah pihak mitra" required error={err.partnerNumber}>
          {(c) => <Input {...c} name="partnerNumber" defaultValue={v.partnerNumber} maxLength={100} autoComplete="off" />}
        </Field>
        <Field id={`${p}-signedAt`} label="Tanggal penandatanganan" required error={err.signedAt}>
          {(c) => <Input {...c} type="date" name="signedAt" defaultValue={v.signedAt} />}
        </Field>
        <Field id={`${p}-signedPlace`} label="Tempat penandatanganan" required error={err.signedPlace}>
          {(c) => <Input {...c} name="signedPlace" defaultValue={v.signedPlace} maxLength={120} />}
        </Field>
      </div>
      <FieldSet
        id={`${p}-signerType`}
        legend={`Penandatangan ${o.naskah} dari pihak daerah`}
        required
        error={err.signerType}
        hint={
          o.allowDelegate
            ? "Bila ditandatangani pejabat yang diberi kuasa, unggah Surat Kuasa Penandatanganan pada bagian Dokumen terlebih dahulu."
            : "Naskah ini hanya dapat ditandatangani oleh Kepala Daerah."
        }
      >
        <Radio key={`kd-${k}`} id={`${p}-signerType-kd`} name="signerType" value="KEPALA_DAERAH" label={o.headLabel} defaultChecked={signer === "KEPALA_DAERAH"} />
        {o.allowDelegate && (
          <Radio
            key={`kuasa-${k}`}
            id={`${p}-signerType-kuasa`}
            name="signerType"
            value="PEJABAT_DIKUASAKAN"
            label="Pejabat yang diberi kuasa (dengan surat kuasa)"
            defaultChecked={signer === "PEJABAT_DIKUASAKAN"}
          />
        )}
      </FieldSet>
      <div className="grid gap-5 md:grid-cols-2">
        <Field id={`${p}-signerName`} label="Nama penandatangan" required error={err.signerName}>
          {(c) => <Input {...c} name="signerName" defaultValue={v.signerName} maxLength={200} />}
        </Field>
        <Field
          id={`${p}-signerPosition`}
          label="Jabatan penandatangan"
          error={err.signerPosition}
          hint={o.allowDelegate ? "Wajib bila ditandatangani pejabat yang diberi kuasa." : undefined}
        >
          {(c) => <Input {...c} name="signerPosition" defaultValue={v.signerPosition ?? o.headPosition} maxLength={200} />}
        </Field>
        {o.withPeriod !== false && (
          <>
            <Field id={`${p}-startDate`} label="Berlaku mulai" required error={err.startDate}>
              {(c) => <Input {...c} type="date" name="startDate" defaultValue={v.startDate} />}
            </Field>
            <Field
              id={`${p}-endDate`}
              label="Berakhir pada"
              required
              error={err.endDate}
              hint={o.maxYears ? `Harus di dalam jangka waktu Kesepakatan Bersama; paling lama ${o.maxYears} tahun.` : undefined}
            >
              {(c) => <Input {...c} type="date" name="endDate" defaultValue={v.endDate} />}
            </Field>
          </>
        )}
      </div>
      {o.maxYears !== undefined && (
        <Field
          id={`${p}-durationOverrideBasis`}
          label={`Dasar hukum bila jangka waktu lebih dari ${o.maxYears} tahun`}
          error={err.durationOverrideBasis}
          hint="Opsional; isi hanya bila jangka waktu PKS melebihi batas, dengan menyebut peraturan yang membolehkannya."
        >
          {(c) => <Textarea {...c} name="durationOverrideBasis" rows={2} maxLength={1000} defaultValue={v.durationOverrideBasis} />}
        </Field>
      )}
    </div>
  );
}

export function DprdFields({ p, v, err }: Common) {
  return (
    <div className="grid gap-5 md:grid-cols-2">
      <Field id={`${p}-dprdNumber`} label="Nomor keputusan/surat DPRD" required error={err.dprdNumber}>
        {(c) => <Input {...c} name="dprdNumber" defaultValue={v.dprdNumber} maxLength={100} autoComplete="off" />}
      </Field>
      <Field id={`${p}-dprdDate`} label="Tanggal keputusan DPRD" required error={err.dprdDate}>
        {(c) => <Input {...c} type="date" name="dprdDate" defaultValue={v.dprdDate} />}
      </Field>
    </div>
  );
}

export function TerminationFields({ p, v, err, k, options }: Common & { options: readonly SelectOption[] }) {
  return (
    <div className="grid gap-5 md:grid-cols-2">
      <Field id={`${p}-terminationGround`} label="Dasar pengakhiran" required error={err.terminationGround}>
        {(c) => (
          <Select
            key={`ground-${k}`}
            {...c}
            name="terminationGround"
            defaultValue={v.terminationGround ?? ""}
            placeholder="— Pilih dasar pengakhiran —"
            options={options}
          />
        )}
      </Field>
      <Field id={`${p}-terminationDate`} label="Tanggal pengakhiran" required error={err.terminationDate}>
        {(c) => <Input {...c} type="date" name="terminationDate" defaultValue={v.terminationDate} />}
      </Field>
    </div>
  );
}
