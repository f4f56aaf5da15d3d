"use client";

import type { ReactNode } from "react";
import { RadioGroupField, TextareaField, TextField, type Meta } from "@/components/forms/fields";

/** The signed naskah's fields (both numbers, date and place, both signatories, the period). */
export function NaskahFields({
  fields, name, delegable, headTitle, children,
}: {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  fields: Record<string, Meta | any>;
  /** "Kesepakatan Bersama", "Perjanjian Kerja Sama", … */
  name: string;
  /** Only a PKS may be signed by an official holding a surat kuasa. */
  delegable: boolean;
  headTitle: string;
  children?: ReactNode;
}) {
  const f = fields;
  return (
    <div className="space-y-5">
      <div className="grid gap-5 md:grid-cols-2">
        <TextField meta={f.ourNumber} label="Nomor pihak daerah" required hint="Contoh: 180/012/KS/2024" autoComplete="off" />
        <TextField meta={f.partnerNumber} label="Nomor pihak mitra" required autoComplete="off" />
        <TextField meta={f.signedAt} label="Tanggal penandatanganan" required type="date" hint="Tidak boleh sesudah hari ini." />
        <TextField meta={f.signedPlace} label="Tempat penandatanganan" required autoComplete="off" />
      </div>
      {delegable ? (
        <RadioGroupField
          meta={f.signerType}
          label="Penandatangan pihak daerah"
          inline
          choices={[
            { value: "KEPALA_DAERAH", label: `${headTitle} (Kepala Daerah)` },
            { value: "PEJABAT_DIKUASAKAN", label: "Pejabat yang diberi kuasa (surat kuasa wajib)" },
          ]}
          hint="Kosong berarti Kepala Daerah."
        />
      ) : (
        <p className="text-sm text-slate-700">{name} ditandatangani oleh {headTitle} selaku Kepala Daerah.</p>
      )}
      <div className="grid gap-5 md:grid-cols-2">
        <TextField meta={f.signerName} label="Nama penandatangan pihak daerah" required autoComplete="off" />
        <TextField meta={f.signerPosition} label="Jabatan penandatangan pihak daerah" hint={`Contoh: ${headTitle} Sukamaju`} autoComplete="off" />
        <TextField meta={f.partnerSignerName} label="Nama penandatangan pihak mitra" required autoComplete="off" />
        <TextField meta={f.partnerSignerPosition} label="Jabatan penandatangan pihak mitra" required autoComplete="off" />
        <TextField meta={f.startDate} label="Mulai berlaku" required type="date" />
        <TextField meta={f.endDate} label="Berakhir" required type="date" />
      </div>
      {delegable && (
        <TextareaField
          meta={f.durationOverrideBasis}
          label="Dasar hukum bila jangka waktu lebih dari 5 tahun"
          rows={2}
          hint="Isi hanya bila PKS berlaku lebih dari 5 tahun."
        />
      )}
      {children}
    </div>
  );
}
