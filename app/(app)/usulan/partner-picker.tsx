"use client";

import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Field, type FieldError } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Button } from "@/components/ui/button";
import type { CaseKind, PartnerClass } from "@/lib/generated/prisma/enums";
import { requestPartnerAction, type PartnerRequestState } from "./actions";
import {
  FOREIGN_CLASSES,
  KIND_PARTNER_CLASSES,
  PARTNER_CLASS_LABELS,
  PARTNER_CLASSES,
  PROVINCES,
  type PartnerOption,
} from "./options";

/** id of the (empty) <form> the request fields belong to; rendered outside the proposal form. */
export const PARTNER_FORM_ID = "ajukan-mitra-baru";
const P = "mitra-baru";

function label(p: PartnerOption) {
  return p.verified === false ? `${p.name} (menunggu verifikasi)` : p.name;
}

export type PartnerRequest = {
  state: PartnerRequestState;
  formAction: (fd: FormData) => void;
  pending: boolean;
  added: { partner: PartnerOption; attempt: number } | null;
};

/**
 * State of the "ajukan mitra baru" request. The owner renders `<form id={PARTNER_FORM_ID}
 * action={formAction} />` OUTSIDE the proposal form (forms cannot nest); the request fields use the
 * HTML `form` attribute to belong to it while sitting visually beside the partner select.
 * `attempt` is the proposal form's attempt counter at the time of the request.
 */
export function usePartnerRequest(attempt: number): PartnerRequest {
  const [added, setAdded] = useState<PartnerRequest["added"]>(null);
  const [state, formAction, pending] = useActionState(async (prev: PartnerRequestState, fd: FormData) => {
    const next = await requestPartnerAction(prev, fd);
    if (next.partner) setAdded({ partner: next.partner, attempt });
    return next;
  }, {});
  return { state, formAction, pending, added };
}

/**
 * Partner select (grouped by class, the classes fitting the jenis first) plus the inline request
 * for a partner missing from the master list; a requested partner is added and selected.
 */
export function PartnerPicker({
  kind,
  partners,
  defaultPartnerId,
  attempt,
  error,
  idPrefix,
  request,
}: {
  kind: CaseKind;
  partners: PartnerOption[];
  defaultPartnerId?: string;
  attempt: number;
  error?: FieldError;
  idPrefix: string;
  request: PartnerRequest;
}) {
  const { state, pending, added } = request;
  const fitting = KIND_PARTNER_CLASSES[kind];
  const [cls, setCls] = useState<string>(fitting[0] ?? "PEMDA");
  const all = added && !partners.some((p) => p.id === added.partner.id) ? [...partners, added.partner] : partners;
  const order = [...fitting, ...PARTNER_CLASSES.filter((c) => !fitting.includes(c))];
  const groups = order
    .map((c) => ({ cls: c, items: all.filter((p) => p.partnerClass === c) }))
    .filter((g) => g.items.length > 0);
  // A partner requested after the last proposal submission wins over the echoed value.
  const selected = added && added.attempt === attempt ? added.partner.id : defaultPartnerId;
  const v = state.values ?? {};
  const err = state.fieldErrors ?? {};
  const k = state.attempt ?? 0;
  const foreign = FOREIGN_CLASSES.includes(cls as PartnerClass);

  return (
    <div className="space-y-3">
      <Field
        id={`${idPrefix}-partnerId`}
        label="Mitra"
        required
        error={error}
        hint="Pilih dari daftar mitra yang terdaftar. Mitra yang sesuai dengan jenis kerja sama ini ditampilkan paling atas."
      >
        {(p) => (
          <Select key={`partner-${attempt}-${selected ?? ""}`} {...p} name="partnerId" defaultValue={selected ?? ""} placeholder="— Pilih mitra —">
            {groups.map((g) => (
              <optgroup key={g.cls} label={PARTNER_CLASS_LABELS[g.cls]}>
                {g.items.map((item) => (
                  <option key={item.id} value={item.id}>
                    {label(item)}
                  </option>
                ))}
              </optgroup>
            ))}
          </Select>
        )}
      </Field>
      {added && (
        <Alert tone="success" announce title={`Mitra "${added.partner.name}" telah diajukan dan dipilih.`}>
          Bagian Kerja Sama akan memverifikasi data mitra ini; usulan tetap dapat disimpan.
        </Alert>
      )}
      <details
        key={added?.partner.id ?? "mitra-baru"}
        className="rounded-md border border-slate-200 bg-slate-50 px-4 py-3"
        open={Boolean(state.message)}
      >
        <summary className="cursor-pointer text-sm font-semibold text-brand-800">Mitra belum terdaftar? Ajukan mitra baru</summary>
        <div className="mt-4 space-y-4">
          {state.message && (
            <Alert tone="error" announce title={state.message}>
              Periksa isian mitra baru di bawah ini.
            </Alert>
          )}
          <div className="grid gap-4 md:grid-cols-2">
            <Field id={`${P}-name`} label="Nama mitra" required error={err.name} hint="Nama resmi, misalnya PT Air Bersih Nusantara.">
              {(p) => <Input key={`n-${k}`} {...p} form={PARTNER_FORM_ID} name="mitra-name" defaultValue={v.name} maxLength={200} autoComplete="off" />}
            </Field>
            <Field id={`${P}-partnerClass`} label="Kelas mitra" required error={err.partnerClass}>
              {(p) => (
                <Select
                  key={`c-${k}`}
                  {...p}
                  form={PARTNER_FORM_ID}
                  name="mitra-partnerClass"
                  defaultValue={cls}
                  onChange={(e) => setCls(e.target.value)}
                  options={order.map((c) => ({ value: c, label: PARTNER_CLASS_LABELS[c] }))}
                />
              )}
            </Field>
            {foreign ? (
              <Field id={`${P}-country`} label="Negara" required error={err.country}>
                {(p) => <Input key={`co-${k}`} {...p} form={PARTNER_FORM_ID} name="mitra-country" defaultValue={v.country} maxLength={100} autoComplete="off" />}
              </Field>
            ) : (
              <Field id={`${P}-province`} label="Provinsi" error={err.province}>
                {(p) => (
                  <Select
                    key={`pr-${k}`}
                    {...p}
                    form={PARTNER_FORM_ID}
                    name="mitra-province"
                    defaultValue={v.province ?? ""}
                    placeholder="— Pilih provinsi —"
                    options={PROVINCES.map((x) => ({ value: x, label: x }))}
                  />
                )}
              </Field>
            )}
            <Field id={`${P}-address`} label="Alamat" error={err.address}>
              {(p) => <Input key={`a-${k}`} {...p} form={PARTNER_FORM_ID} name="mitra-address" defaultValue={v.address} maxLength={300} autoComplete="off" />}
            </Field>
          </div>
          <Button type="submit" form={PARTNER_FORM_ID} variant="secondary" disabled={pending} aria-busy={pending || undefined}>
            {pending ? "Mengajukan…" : "Ajukan dan Pilih Mitra Ini"}
          </Button>
        </div>
      </details>
    </div>
  );
}
