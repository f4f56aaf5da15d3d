"use client";

import { useEffect, useState } from "react";
import Link from "@/components/ui/link";
import { CheckboxField, RadioGroupField, SelectField, TextareaField, TextField } from "@/components/forms/fields";
import { FormErrorSummary } from "@/components/forms/form-error-summary";
import { useFormAction } from "@/components/forms/use-form-action";
import { Alert } from "@/components/ui/alert";
import { LinkButton } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";
import { PARTNER_CLASS_LABELS } from "@/components/cases/labels";
import type { FormActionFn } from "@/lib/forms/action";
import type { PartnerClass } from "@/lib/generated/prisma/enums";
import { FOREIGN_PARTNER_CLASSES, partnerCreateSchema, partnerUpdateSchema } from "@/lib/partners/schemas";
import { UNIVERSITY_STATUS_LABELS } from "@/lib/workflow/partner-fit";

export type PartnerFormValues = Record<string, string | undefined>;

type Similar = { id: string; name: string; verified: boolean };

const PROVINCE_HINT = "Mis. Jawa Barat. Untuk pemerintah daerah: provinsi tempat daerah itu berada.";

/**
 * Asks the server, while the name is typed (debounced), which partners have a similar name
 * (GET /api/mitra/serupa, pg_trgm): the warning appears before saving. The service checks again on
 * save and refuses a similar name unless "different partner" is ticked.
 */
function useSimilarNames(name: string, excludeId?: string): Similar[] {
  const [similar, setSimilar] = useState<Similar[]>([]);
  useEffect(() => {
    const text = name.trim();
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      if (text.length < 3) {
        setSimilar([]);
        return;
      }
      const query = new URLSearchParams({ nama: text, ...(excludeId ? { kecuali: excludeId } : {}) });
      try {
        const res = await fetch(`/api/mitra/serupa?${query}`, { signal: controller.signal, headers: { Accept: "application/json" } });
        if (res.ok) setSimilar(((await res.json()) as { similar: Similar[] }).similar);
      } catch {
        // Aborted or offline: the server checks again on save.
      }
    }, 400);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [name, excludeId]);
  return similar;
}

export function PartnerForm({
  action, partner, cancelHref,
}: {
  action: FormActionFn;
  /** Editing: the partner's id, its version token (updatedAt) and current values. */
  partner?: { id: string; version: string; values: PartnerFormValues };
  cancelHref: string;
}) {
  const schema = partner ? partnerUpdateSchema : partnerCreateSchema;
  const { form, fields, formAction, lastResult, pending } = useFormAction(action, schema, {
    id: "mitra",
    defaultValue: partner?.values ?? { country: "Indonesia" },
  });
  const [cls, setCls] = useState<string>((partner?.values.partnerClass as string | undefined) ?? "");
  const [name, setName] = useState<string>(partner?.values.name ?? "");
  const similar = useSimilarNames(name === partner?.values.name ? "" : name, partner?.id);
  const foreign = FOREIGN_PARTNER_CLASSES.includes(cls as PartnerClass);
  const nameRefused = (fields.name.errors ?? []).some((e) => e.startsWith("Nama mirip"));
  const classOptions = (Object.keys(PARTNER_CLASS_LABELS) as PartnerClass[]).map((c) => ({ value: c, label: PARTNER_CLASS_LABELS[c] }));

  return (
    <form id={form.id} onSubmit={form.onSubmit} action={formAction} noValidate className="space-y-8">
      <FormErrorSummary form={form} lastResult={lastResult} />
      {partner && (
        <>
          <input type="hidden" name="id" value={partner.id} />
          <input type="hidden" name="version" value={partner.version} />
        </>
      )}
      <fieldset className="space-y-5">
        <legend className="mb-3 text-base font-semibold text-slate-900">Identitas mitra</legend>
        <div className="grid gap-5 md:grid-cols-2">
          <div className="space-y-3 md:col-span-2">
            <TextField
              meta={fields.name}
              label="Nama mitra"
              hint="Nama resmi lengkap, mis. PT Tirta Sejahtera Abadi atau Pemerintah Kabupaten Sukamakmur."
              autoComplete="off"
              onChange={(e) => setName(e.currentTarget.value)}
            />
            {similar.length > 0 && (
              <Alert tone="warning" announce title="Sudah ada mitra dengan nama mirip">
                <p>Periksa dahulu agar tidak tercatat dua kali:</p>
                <ul className="list-disc pl-5">
                  {similar.map((s) => (
                    <li key={s.id}>
                      <Link href={`/mitra/${s.id}`} className="underline" target="_blank" rel="noopener">
                        {s.name}
                      </Link>
                      {!s.verified && " (menunggu verifikasi)"}
                    </li>
                  ))}
                </ul>
              </Alert>
            )}
            {(similar.length > 0 || nameRefused) && (
              <CheckboxField
                meta={fields.confirmSimilar}
                label="Saya sudah memeriksa: ini mitra yang berbeda"
                hint="Bila ternyata mitra yang sama, batalkan dan gunakan mitra yang sudah ada."
              />
            )}
          </div>
          <SelectField meta={fields.partnerClass} label="Kelas mitra" placeholder="— Pilih kelas mitra —" options={classOptions} onChange={setCls}
            hint="Kelas mitra menentukan jenis kerja sama yang dapat diajukan." />
          <TextField meta={fields.legalForm} label="Bentuk badan hukum" autoComplete="off"
            hint="Mis. PT, Perseroda, PTN BH, Yayasan, Pemerintah Kabupaten." />
          {cls === "PERGURUAN_TINGGI" && (
            <RadioGroupField
              meta={fields.universityStatus}
              label="Status perguruan tinggi"
              required
              className="md:col-span-2"
              hint="PTN satker/BLU bekerja sama melalui SINERGI, PTS melalui KSDPK; PTN-BH mengikuti pengaturan."
              choices={(Object.keys(UNIVERSITY_STATUS_LABELS) as (keyof typeof UNIVERSITY_STATUS_LABELS)[]).map((s) => ({ value: s, label: UNIVERSITY_STATUS_LABELS[s] }))}
            />
          )}
          <TextField meta={fields.registrationNumber} label="NIB/NPWP/nomor registrasi" autoComplete="off"
            hint="Untuk badan usaha: NIB dari OSS; untuk lembaga: nomor registrasi bila ada." />
        </div>
      </fieldset>

      <fieldset className="space-y-5">
        <legend className="mb-3 text-base font-semibold text-slate-900">Kedudukan dan kontak instansi</legend>
        <div className="grid gap-5 md:grid-cols-2">
          {foreign ? (
            <TextField meta={fields.country} label="Negara" required autoComplete="off" hint="Mitra luar negeri: negara tempat kedudukannya." />
          ) : (
            <>
              <input type="hidden" name="country" value="Indonesia" />
              <TextField meta={fields.province} label="Provinsi" autoComplete="off" hint={PROVINCE_HINT} />
            </>
          )}
          <TextField meta={fields.regency} label={foreign ? "Kota/wilayah" : "Kabupaten/kota"} autoComplete="off" />
          <TextareaField meta={fields.address} label="Alamat" rows={2} className="md:col-span-2" />
          <TextField meta={fields.email} label="E-mail instansi" type="email" autoComplete="off" />
          <TextField meta={fields.phone} label="Telepon instansi" type="tel" autoComplete="off" />
          <TextField meta={fields.website} label="Situs web" autoComplete="off" className="md:col-span-2" />
        </div>
      </fieldset>

      {([1, 2] as const).map((n) => (
        <fieldset key={n} className="space-y-5">
          <legend className="mb-3 text-base font-semibold text-slate-900">Narahubung {n}{n === 2 ? " (opsional)" : ""}</legend>
          <div className="grid gap-5 md:grid-cols-2">
            <TextField meta={fields[`contact${n}Name`]} label={`Nama narahubung ${n}`} autoComplete="off" />
            <TextField meta={fields[`contact${n}Position`]} label={`Jabatan narahubung ${n}`} autoComplete="off" />
            <TextField meta={fields[`contact${n}Phone`]} label={`Telepon narahubung ${n}`} type="tel" autoComplete="off" />
            <TextField meta={fields[`contact${n}Email`]} label={`E-mail narahubung ${n}`} type="email" autoComplete="off" />
          </div>
        </fieldset>
      ))}

      <div className="flex flex-wrap gap-3">
        <SubmitButton pending={pending}>{partner ? "Simpan Perubahan" : "Simpan Mitra"}</SubmitButton>
        <LinkButton href={cancelHref} variant="secondary">
          Batal
        </LinkButton>
      </div>
    </form>
  );
}
