import { z } from "zod";
import {
  CaseKind, FundingSource, KsddNature, KsdpkForm, PartnerClass, SignerType, TerminationGround, TkksdOpinionValue,
} from "@/lib/generated/prisma/enums";
import type { EventInput } from "@/lib/workflow";

/*
 * Schemas for the usulan forms. They take what a <form> posts (Object.fromEntries(formData)):
 * every value is a string, a blank optional field is "" and an unticked checkbox is absent.
 * A draft may be partial: the completeness of the proposal is the workflow's "formComplete"
 * guard at submission, not a form rule. Messages are Indonesian, shown next to the field.
 */

const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

const optionalText = (label: string, max: number) =>
  z.preprocess(
    blank,
    z.string({ error: `${label} tidak valid` }).trim().max(max, { error: `${label} maksimal ${max} karakter` }).optional(),
  );

const optionalEnum = <T extends Record<string, string>>(values: T, message: string) =>
  z.preprocess(blank, z.enum(values, { error: message }).optional());

/** "ya" → true, "tidak" → false, nothing chosen → null. */
const yesNo = (label: string) =>
  z.preprocess(
    (v) => (v === undefined || v === null || v === "" ? null : v === true || v === "ya" ? true : v === false || v === "tidak" ? false : v),
    z.boolean({ error: `Pilih "Ya" atau "Tidak" untuk ${label}` }).nullable(),
  );

/** YYYY-MM-DD → Date at UTC midnight (how date-only columns are stored). */
export function parseDateOnly(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value.trim() ? d : null;
}

const optionalDate = (label: string) =>
  z.preprocess(
    blank,
    z
      .union([z.date(), z.string()], { error: `${label} tidak valid` })
      .transform((v, ctx) => {
        if (v instanceof Date) return v;
        const d = parseDateOnly(v);
        if (!d) ctx.addIssue({ code: "custom", message: `${label} tidak valid (format TTTT-BB-HH)` });
        return d ?? new Date(NaN);
      })
      .optional(),
  );

/**
 * Indonesian amounts: "1.500.000", "1.500.000,50", "1500000", optionally with "Rp". Returns a decimal
 * string for Prisma's Decimal ("1500000.50").
 */
export function parseRupiah(input: string): string | null {
  const s = input.replace(/^\s*Rp\.?/i, "").replace(/[\s\u00a0]/g, "");
  let intPart: string;
  let frac = "";
  if (/^\d{1,3}(\.\d{3})+(,\d{1,2})?$/.test(s) || /^\d+(,\d{1,2})?$/.test(s)) {
    const [i, f] = s.split(",");
    intPart = i.replace(/\./g, "");
    frac = f ?? "";
  } else {
    return null;
  }
  intPart = intPart.replace(/^0+(?=\d)/, "");
  if (intPart.length > 16) return null;
  return frac ? `${intPart}.${frac}` : intPart;
}

const fundingAmount = z.preprocess(
  blank,
  z
    .union([z.string(), z.number()], { error: "Nilai pendanaan tidak valid" })
    .transform((v, ctx) => {
      const parsed = parseRupiah(String(v));
      if (parsed === null) ctx.addIssue({ code: "custom", message: "Nilai pendanaan tidak valid (contoh: 1.500.000)" });
      return parsed ?? "";
    })
    .optional(),
);

const fundingYear = z.preprocess(
  blank,
  z.coerce
    .number({ error: "Tahun anggaran tidak valid" })
    .int({ error: "Tahun anggaran tidak valid" })
    .min(2000, { error: "Tahun anggaran tidak valid" })
    .max(2100, { error: "Tahun anggaran tidak valid" })
    .optional(),
);

export const draftSchema = z
  .object({
    kind: z.enum(CaseKind, {
      error: (iss) => (iss.input === undefined || iss.input === "" ? "Jenis kerja sama wajib dipilih" : "Jenis kerja sama tidak dikenal"),
    }),
    title: z.preprocess(
      blank,
      z
        .string({ error: (iss) => (iss.input === undefined ? "Judul wajib diisi" : "Judul tidak valid") })
        .trim()
        .max(200, { error: "Judul maksimal 200 karakter" }),
    ),
    partnerId: optionalText("Mitra", 64),
    ksddNature: optionalEnum(KsddNature, "Sifat kerja sama tidak dikenal"),
    ksdpkForm: optionalEnum(KsdpkForm, "Bentuk kerja sama tidak dikenal"),
    subject: optionalText("Objek kerja sama", 500),
    governmentAffair: optionalText("Urusan pemerintahan", 200),
    purpose: optionalText("Maksud dan tujuan", 4000),
    scope: optionalText("Ruang lingkup", 4000),
    benefits: optionalText("Manfaat", 4000),
    fundingSource: optionalEnum(FundingSource, "Sumber pendanaan tidak dikenal"),
    fundingAmount,
    fundingYear,
    burdensPublic: yesNo("pertanyaan membebani masyarakat dan daerah"),
    budgetedInApbd: yesNo("pertanyaan sudah dianggarkan dalam APBD"),
    proposedStart: optionalDate("Rencana tanggal mulai"),
    proposedEnd: optionalDate("Rencana tanggal berakhir"),
  })
  .superRefine((v, ctx) => {
    if (v.proposedStart && v.proposedEnd && v.proposedEnd <= v.proposedStart) {
      ctx.addIssue({ code: "custom", path: ["proposedEnd"], message: "Rencana tanggal berakhir harus sesudah tanggal mulai" });
    }
  });

/** A draft as the services take it (the parsed form). */
export type DraftInput = z.output<typeof draftSchema>;

/** Registration of a partner's offer (KSDPK prakarsa mitra): the draft plus the OPD given the disposisi. */
export const partnerOfferSchema = draftSchema.and(
  z.object({
    opdId: z.preprocess(blank, z.string({ error: "OPD penerima disposisi wajib dipilih" }).trim().max(64)),
  }),
);

/**
 * The action panel of a stage: flat form fields → the workflow's EventInput. Only formats are
 * checked here; which fields an event needs is the workflow's guard (one source of truth).
 */
export const eventInputSchema = z
  .object({
    note: optionalText("Catatan", 4000),
    checklistComplete: z.preprocess((v) => v === true || v === "on" || v === "true" || v === "1", z.boolean()),
    ourNumber: optionalText("Nomor naskah pihak daerah", 100),
    partnerNumber: optionalText("Nomor naskah pihak mitra", 100),
    signedAt: optionalDate("Tanggal penandatanganan"),
    signedPlace: optionalText("Tempat penandatanganan", 120),
    signerType: optionalEnum(SignerType, "Penandatangan tidak dikenal"),
    signerName: optionalText("Nama penandatangan", 200),
    signerPosition: optionalText("Jabatan penandatangan", 200),
    startDate: optionalDate("Tanggal mulai berlaku"),
    endDate: optionalDate("Tanggal berakhir"),
    durationOverrideBasis: optionalText("Dasar hukum pengecualian jangka waktu", 1000),
    dprdNumber: optionalText("Nomor keputusan DPRD", 100),
    dprdDate: optionalDate("Tanggal keputusan DPRD"),
    terminationGround: optionalEnum(TerminationGround, "Dasar pengakhiran tidak dikenal"),
    terminationDate: optionalDate("Tanggal pengakhiran"),
  })
  .transform((v): EventInput => {
    const signing = {
      ourNumber: v.ourNumber, partnerNumber: v.partnerNumber, signedAt: v.signedAt, signedPlace: v.signedPlace,
      signerType: v.signerType, signerName: v.signerName, signerPosition: v.signerPosition,
      startDate: v.startDate, endDate: v.endDate, durationOverrideBasis: v.durationOverrideBasis,
    };
    const hasSigning = Object.values(signing).some((x) => x !== undefined);
    return {
      note: v.note,
      checklistComplete: v.checklistComplete,
      ...(hasSigning ? { signing } : {}),
      ...(v.dprdNumber || v.dprdDate ? { dprd: { number: v.dprdNumber, date: v.dprdDate } } : {}),
      ...(v.terminationGround || v.terminationDate
        ? { termination: { ground: v.terminationGround, date: v.terminationDate } }
        : {}),
    };
  });

export const opinionSchema = z.object({
  opinion: z.enum(TkksdOpinionValue, {
    error: (iss) => (iss.input === undefined || iss.input === "" ? "Pendapat wajib dipilih" : "Pendapat tidak dikenal"),
  }),
  note: z.preprocess(
    blank,
    z
      .string({ error: (iss) => (iss.input === undefined ? "Catatan pendapat wajib diisi" : "Catatan pendapat tidak valid") })
      .trim()
      .max(4000, { error: "Catatan pendapat maksimal 4000 karakter" }),
  ),
});
export type OpinionInput = z.output<typeof opinionSchema>;

export const partnerRequestSchema = z.object({
  name: z.preprocess(
    blank,
    z
      .string({ error: (iss) => (iss.input === undefined ? "Nama mitra wajib diisi" : "Nama mitra tidak valid") })
      .trim()
      .max(200, { error: "Nama mitra maksimal 200 karakter" }),
  ),
  partnerClass: z.enum(PartnerClass, {
    error: (iss) => (iss.input === undefined || iss.input === "" ? "Kelas mitra wajib dipilih" : "Kelas mitra tidak dikenal"),
  }),
  address: optionalText("Alamat", 500),
  province: optionalText("Provinsi", 100),
  country: optionalText("Negara", 100),
});
export type PartnerRequestInput = z.output<typeof partnerRequestSchema>;

export const pksTurunanSchema = z.object({
  title: z.preprocess(
    blank,
    z
      .string({ error: (iss) => (iss.input === undefined ? "Judul wajib diisi" : "Judul tidak valid") })
      .trim()
      .max(200, { error: "Judul maksimal 200 karakter" }),
  ),
  opdId: z.preprocess(blank, z.string({ error: "OPD pelaksana wajib dipilih" }).trim().max(64)),
});
