"use client";

import { useState } from "react";
import { RadioGroupField, SelectField, TextField, type Meta } from "@/components/forms/fields";
import { FormErrorSummary } from "@/components/forms/form-error-summary";
import { useFormAction } from "@/components/forms/use-form-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { partnerRequestSchema } from "@/lib/cases/schemas";
import type { FormActionFn } from "@/lib/forms/action";
import type { CaseKind, PartnerClass } from "@/lib/generated/prisma/enums";
import { KIND_PARTNER_CLASSES, KIND_PARTNER_RULE, partnerFits, UNIVERSITY_STATUS_LABELS, universityKind } from "@/lib/workflow/partner-fit";
import { FOREIGN_CLASSES, PARTNER_CLASS_LABELS, PROVINCES, type PartnerOption } from "./options";

const label = (p: PartnerOption) => (p.verified === false ? `${p.name} (menunggu verifikasi)` : p.name);

/** Where the other partner classes go, so the form says why a partner is not listed. */
const ELSEWHERE: Record<CaseKind, string> = {
  KSDD: "Mitra selain pemerintah daerah di Indonesia diajukan melalui jenis KSDPK, SINERGI, KSDPL, atau KSDLL.",
  KSDPK: "Kementerian/lembaga dan PTN satker/BLU diajukan melalui SINERGI; mitra luar negeri melalui KSDPL atau KSDLL.",
  SINERGI: "Badan usaha, PTS, ormas, dan perorangan diajukan melalui KSDPK; pemerintah daerah lain melalui KSDD.",
  KSDPL: "Lembaga asing (bukan pemerintah daerah) diajukan melalui KSDLL.",
  KSDLL: "Pemerintah daerah asing diajukan melalui KSDPL (kota/provinsi kembar).",
};

/** The "ajukan mitra baru" request: its own form (rendered outside the proposal form) and its result. */
export function usePartnerRequest(action: FormActionFn, kind: CaseKind) {
  const [added, setAdded] = useState<PartnerOption | null>(null);
  // The partner just created stays selected, whatever a later request answers.
  const remember: FormActionFn = async (previous, formData) => {
    const reply = await action(previous, formData);
    if (reply.status === "success" && reply.data?.partner) setAdded(reply.data.partner as PartnerOption);
    return reply;
  };
  const request = useFormAction(remember, partnerRequestSchema, { id: "mitra-baru", defaultValue: { kind } });
  return { ...request, added };
}

export type PartnerRequest = ReturnType<typeof usePartnerRequest>;

/**
 * The partner select of the proposal form: only partners that fit the jenis (domain §2, the same
 * rule the server enforces), with the reason stated; plus the inline request for a partner missing
 * from the master list, which is added and selected. The request's inputs belong to the request's
 * own <form> (HTML `form` attribute) while they sit here beside the select.
 */
export function PartnerPicker({
  kind, partners, meta, ptnBhKind, request,
}: {
  kind: CaseKind;
  partners: PartnerOption[];
  meta: Meta;
  ptnBhKind: "SINERGI" | "KSDPK";
  request: PartnerRequest;
}) {
  const { added } = request;
  const fitting = KIND_PARTNER_CLASSES[kind];
  const selectedId = added?.id ?? (meta.initialValue as string | undefined);
  const all = added && !partners.some((p) => p.id === added.id) ? [...partners, added] : partners;
  // The current choice stays visible even when it no longer fits, so its error makes sense.
  const offered = all.filter((p) => partnerFits(kind, p, ptnBhKind) || p.id === selectedId);
  const groups = fitting
    .map((c) => ({ cls: c, items: offered.filter((p) => p.partnerClass === c && partnerFits(kind, p, ptnBhKind)) }))
    .filter((g) => g.items.length > 0);
  const strays = offered.filter((p) => !partnerFits(kind, p, ptnBhKind));
  const [cls, setCls] = useState<string>(fitting.length === 1 ? fitting[0] : "");
  const rf = request.fields;
  const statuses = (Object.keys(UNIVERSITY_STATUS_LABELS) as (keyof typeof UNIVERSITY_STATUS_LABELS)[])
    .filter((s) => universityKind(s, ptnBhKind) === kind)
    .map((s) => ({ value: s, label: UNIVERSITY_STATUS_LABELS[s] }));

  return (
    <div className="space-y-3">
      <SelectField
        meta={meta}
        defaultValue={added?.id}
        label="Mitra"
        required
        placeholder="— Pilih mitra —"
        hint={`${KIND_PARTNER_RULE[kind]}. ${ELSEWHERE[kind]}`}
      >
        {groups.map((g) => (
          <optgroup key={g.cls} label={PARTNER_CLASS_LABELS[g.cls]}>
            {g.items.map((item) => (
              <option key={item.id} value={item.id}>
                {label(item)}
                {item.universityStatus ? ` — ${UNIVERSITY_STATUS_LABELS[item.universityStatus]}` : ""}
              </option>
            ))}
          </optgroup>
        ))}
        {strays.map((item) => (
          <option key={item.id} value={item.id}>
            {label(item)} (tidak sesuai dengan jenis {kind})
          </option>
        ))}
      </SelectField>
      {added && (
        <Alert tone="success" announce title={`Mitra "${added.name}" telah diajukan dan dipilih.`}>
          Bagian Kerja Sama akan memverifikasi data mitra ini; usulan tetap dapat disimpan.
        </Alert>
      )}
      <details key={added?.id ?? "mitra-baru"} className="rounded-md border border-slate-200 bg-slate-50 px-4 py-3" open={request.form.status === "error"}>
        <summary className="cursor-pointer text-sm font-semibold text-brand-800">Mitra belum terdaftar? Ajukan mitra baru</summary>
        <div className="mt-4 space-y-4">
          <FormErrorSummary form={request.form} lastResult={request.lastResult} />
          <input type="hidden" name="kind" value={kind} form={request.form.id} />
          <div className="grid gap-4 md:grid-cols-2">
            <TextField meta={rf.name} label="Nama mitra" hint="Nama resmi, misalnya PT Air Bersih Nusantara." autoComplete="off" />
            <SelectField
              meta={rf.partnerClass}
              label="Kelas mitra"
              options={fitting.map((c) => ({ value: c, label: PARTNER_CLASS_LABELS[c as PartnerClass] }))}
              placeholder="— Pilih kelas mitra —"
              defaultValue={fitting.length === 1 ? fitting[0] : undefined}
              onChange={setCls}
              hint={`Hanya kelas yang sesuai dengan jenis ${kind}.`}
            />
            {cls === "PERGURUAN_TINGGI" && (
              <RadioGroupField
                meta={rf.universityStatus}
                label="Status perguruan tinggi"
                required
                choices={statuses}
                hint="Status perguruan tinggi menentukan jenis kerja sama (SINERGI atau KSDPK)."
                className="md:col-span-2"
              />
            )}
            {FOREIGN_CLASSES.includes(cls as PartnerClass) ? (
              <TextField meta={rf.country} label="Negara" required autoComplete="off" />
            ) : (
              <SelectField meta={rf.province} label="Provinsi" placeholder="— Pilih provinsi —" options={PROVINCES.map((x) => ({ value: x, label: x }))} />
            )}
            <TextField meta={rf.address} label="Alamat" autoComplete="off" />
          </div>
          <Button type="submit" form={request.form.id} variant="secondary" disabled={request.pending} aria-busy={request.pending || undefined}>
            {request.pending ? "Mengajukan…" : "Ajukan dan Pilih Mitra Ini"}
          </Button>
        </div>
      </details>
    </div>
  );
}
