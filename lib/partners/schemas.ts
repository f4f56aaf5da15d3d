import { z } from "zod";
import { PartnerClass, UniversityStatus } from "@/lib/generated/prisma/enums";
import { checkbox, optionalChoice, optionalText, recordId, requiredChoice, requiredText } from "@/lib/validation/fields";

/*
 * Schemas of the partner forms (Mitra), parsed by conform on the server and in the browser
 * (lib/forms/action.ts). Rules that need more than one field (a university needs its status, a
 * foreign partner its country) are refinements, so every message lands beside its field.
 */

export const FOREIGN_PARTNER_CLASSES: readonly PartnerClass[] = ["PEMDA_LUAR_NEGERI", "LEMBAGA_LUAR_NEGERI"];

export const isForeignClass = (c: PartnerClass) => FOREIGN_PARTNER_CLASSES.includes(c);

const email = (label: string) =>
  optionalText(label, 200).refine((v) => v === undefined || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), {
    error: `${label} tidak valid (contoh: nama@instansi.go.id)`,
  });

const phone = (label: string) =>
  optionalText(label, 40).refine((v) => v === undefined || /^\+?[0-9 ()./-]{5,40}$/.test(v), {
    error: `${label} hanya berisi angka, spasi, +, -, atau tanda kurung`,
  });

const website = optionalText("Situs web", 300).refine((v) => v === undefined || /^(https?:\/\/)?[^\s/$.?#].[^\s]*$/i.test(v), {
  error: "Situs web tidak valid (contoh: https://www.instansi.go.id)",
});

export const partnerFields = {
  name: requiredText("Nama mitra", 200, { min: 3 }),
  partnerClass: requiredChoice(PartnerClass, "Kelas mitra"),
  universityStatus: optionalChoice(UniversityStatus, "Status perguruan tinggi"),
  legalForm: optionalText("Bentuk badan hukum", 100),
  registrationNumber: optionalText("NIB/NPWP/nomor registrasi", 100),
  address: optionalText("Alamat", 500, { multiline: true }),
  province: optionalText("Provinsi", 100),
  regency: optionalText("Kabupaten/kota", 100),
  country: optionalText("Negara", 100),
  email: email("E-mail instansi"),
  phone: phone("Telepon instansi"),
  website,
  contact1Name: optionalText("Nama narahubung 1", 200),
  contact1Position: optionalText("Jabatan narahubung 1", 200),
  contact1Phone: phone("Telepon narahubung 1"),
  contact1Email: email("E-mail narahubung 1"),
  contact2Name: optionalText("Nama narahubung 2", 200),
  contact2Position: optionalText("Jabatan narahubung 2", 200),
  contact2Phone: phone("Telepon narahubung 2"),
  contact2Email: email("E-mail narahubung 2"),
  /** Ticked after reading the similar-name warning: "this is really a different partner". */
  confirmSimilar: checkbox,
};

type PartnerShape = { partnerClass: PartnerClass; universityStatus?: UniversityStatus; country?: string;
  contact1Name?: string; contact1Position?: string; contact1Phone?: string; contact1Email?: string;
  contact2Name?: string; contact2Position?: string; contact2Phone?: string; contact2Email?: string };

function partnerRules(v: PartnerShape, ctx: z.RefinementCtx) {
  if (v.partnerClass === "PERGURUAN_TINGGI" && !v.universityStatus) {
    ctx.addIssue({ code: "custom", path: ["universityStatus"], message: "Status perguruan tinggi wajib dipilih: status itu menentukan jenis kerja sama (SINERGI atau KSDPK)" });
  }
  const country = v.country?.trim();
  if (isForeignClass(v.partnerClass) && (!country || /^indonesia$/i.test(country))) {
    ctx.addIssue({ code: "custom", path: ["country"], message: "Negara wajib diisi untuk mitra luar negeri (bukan Indonesia)" });
  }
  if (!isForeignClass(v.partnerClass) && country && !/^indonesia$/i.test(country)) {
    ctx.addIssue({ code: "custom", path: ["country"], message: "Mitra dalam negeri berkedudukan di Indonesia; mitra asing dicatat dengan kelas luar negeri" });
  }
  for (const n of [1, 2] as const) {
    const details = [v[`contact${n}Position`], v[`contact${n}Phone`], v[`contact${n}Email`]].some(Boolean);
    if (details && !v[`contact${n}Name`]) {
      ctx.addIssue({ code: "custom", path: [`contact${n}Name`], message: `Nama narahubung ${n} wajib diisi bila jabatan, telepon, atau e-mailnya diisi` });
    }
  }
}

export const partnerCreateSchema = z.object(partnerFields).superRefine(partnerRules);
export type PartnerInput = z.output<typeof partnerCreateSchema>;

/** Editing: the id and the version token read with the page (the row's updatedAt, ISO). */
export const partnerUpdateSchema = z
  .object({ ...partnerFields, id: recordId, version: z.string({ error: "Formulir tidak lengkap. Muat ulang halaman lalu coba lagi." }).max(40) })
  .superRefine(partnerRules);

/** Confirming an OPD's request as a real partner. */
export const partnerVerifySchema = z.object({ id: recordId, version: z.string().max(40) });

/** Merging a duplicate (usually an OPD's request) into an existing partner. */
export const partnerMergeSchema = z.object({
  id: recordId,
  version: z.string().max(40),
  targetId: z.string({ error: "Pilih mitra tujuan penggabungan" }).pipe(recordId),
  confirm: checkbox.refine((v) => v, { error: "Centang pernyataan bahwa keduanya adalah mitra yang sama" }),
});
