import { z } from "zod";
import {
  CaseKind, FundingSource, KsddNature, KsdpkForm, PartnerClass, SignerType, TerminationGround, TkksdOpinionValue,
  UniversityStatus,
} from "@/lib/generated/prisma/enums";
import {
  checkbox, optionalChoice, optionalDate, optionalText, recordId, recordVersion, requiredChoice, requiredText, yesNo,
} from "@/lib/validation/fields";

/*
 * Schemas of the usulan forms, parsed by conform (lib/forms/action.ts) on the server and in the
 * browser. A draft may be partial: completeness is the workflow's "formComplete" guard at
 * submission, not a form rule, so only the title and the jenis are required here. Messages are
 * Indonesian and shown next to their field.
 */

/**
 * Indonesian amounts: "1.500.000", "1.500.000,50", "1500000", optionally with "Rp". Returns a decimal
 * string for Prisma's Decimal ("1500000.50").
 */
export function parseRupiah(input: string): string | null {
  const s = input.replace(/^\s*Rp\.?/i, "").replace(/[\s\u00a0]/g, "");
  if (!/^\d{1,3}(\.\d{3})+(,\d{1,2})?$/.test(s) && !/^\d+(,\d{1,2})?$/.test(s)) return null;
  const [i, f = ""] = s.split(",");
  const intPart = i.replace(/\./g, "").replace(/^0+(?=\d)/, "");
  if (intPart.length > 16) return null;
  return f ? `${intPart}.${f}` : intPart;
}

const fundingAmount = z
  .string({ error: "Nilai pendanaan tidak valid" })
  .max(30, { error: "Nilai pendanaan tidak valid (contoh: 1.500.000)" })
  .refine((v) => parseRupiah(v) !== null, { error: "Nilai pendanaan tidak valid (contoh: 1.500.000)" })
  .transform((v) => parseRupiah(v) as string)
  .optional();

const fundingYear = z
  .number({ error: "Tahun anggaran tidak valid" })
  .int({ error: "Tahun anggaran tidak valid" })
  .min(2000, { error: "Tahun anggaran tidak valid" })
  .max(2100, { error: "Tahun anggaran tidak valid" })
  .optional();

const draftFields = {
  kind: requiredChoice(CaseKind, "Jenis kerja sama"),
  title: requiredText("Judul", 200),
  partnerId: recordId.optional(),
  ksddNature: optionalChoice(KsddNature, "Sifat kerja sama"),
  ksdpkForm: optionalChoice(KsdpkForm, "Bentuk kerja sama"),
  subject: optionalText("Objek kerja sama", 500, { multiline: true }),
  governmentAffair: optionalText("Urusan pemerintahan", 200),
  purpose: optionalText("Maksud dan tujuan", 4000, { multiline: true }),
  scope: optionalText("Ruang lingkup", 4000, { multiline: true }),
  benefits: optionalText("Manfaat", 4000, { multiline: true }),
  fundingSource: optionalChoice(FundingSource, "Sumber pendanaan"),
  fundingAmount,
  fundingYear,
  burdensPublic: yesNo("pertanyaan membebani masyarakat dan daerah"),
  budgetedInApbd: yesNo("pertanyaan sudah dianggarkan dalam APBD"),
  proposedStart: optionalDate("Rencana tanggal mulai"),
  proposedEnd: optionalDate("Rencana tanggal berakhir"),
};

const plannedPeriod = (v: { proposedStart?: Date; proposedEnd?: Date }, ctx: z.RefinementCtx) => {
  if (v.proposedStart && v.proposedEnd && v.proposedEnd <= v.proposedStart) {
    ctx.addIssue({ code: "custom", path: ["proposedEnd"], message: "Rencana tanggal berakhir harus sesudah tanggal mulai" });
  }
};

/** A new draft by an OPD operator. */
export const draftSchema = z.object(draftFields).superRefine(plannedPeriod);

/** A draft as the services take it (the parsed form). */
export type DraftInput = z.output<typeof draftSchema>;

/** Editing a draft: the case id and the version read with the page (optimistic lock). */
export const draftUpdateSchema = z.object({ ...draftFields, id: recordId, version: recordVersion }).superRefine(plannedPeriod);

/** Registration of a partner's offer (KSDPK prakarsa mitra): the draft plus the OPD given the disposisi. */
export const partnerOfferSchema = z
  .object({ ...draftFields, opdId: z.string({ error: "OPD penerima disposisi wajib dipilih" }).pipe(recordId) })
  .superRefine(plannedPeriod);

const signingFields = z.object({
  ourNumber: optionalText("Nomor naskah pihak daerah", 100),
  partnerNumber: optionalText("Nomor naskah pihak mitra", 100),
  signedAt: optionalDate("Tanggal penandatanganan"),
  signedPlace: optionalText("Tempat penandatanganan", 120),
  signerType: optionalChoice(SignerType, "Penandatangan"),
  signerName: optionalText("Nama penandatangan", 200),
  signerPosition: optionalText("Jabatan penandatangan", 200),
  partnerSignerName: optionalText("Nama penandatangan pihak mitra", 200),
  partnerSignerPosition: optionalText("Jabatan penandatangan pihak mitra", 200),
  startDate: optionalDate("Tanggal mulai berlaku"),
  endDate: optionalDate("Tanggal berakhir"),
  durationOverrideBasis: optionalText("Dasar hukum pengecualian jangka waktu", 1000, { multiline: true }),
});

/**
 * The action panel's forms: which event, on which case, at which version, and what the event
 * carries (nested as the workflow's EventInput: signing.*, dprd.*, termination.*). Only formats are
 * checked here; which fields an event needs is the workflow's guard (one source of truth), whose
 * refusal names the same fields.
 */
export const transitionSchema = z.object({
  caseId: recordId,
  event: z.string({ error: "Formulir tidak lengkap. Muat ulang halaman lalu coba lagi." }).max(64).regex(/^[a-z_]+$/),
  version: recordVersion,
  note: optionalText("Catatan", 4000, { multiline: true }),
  checklistComplete: checkbox,
  signing: signingFields.optional(),
  dprd: z
    .object({ number: optionalText("Nomor keputusan DPRD", 100), date: optionalDate("Tanggal keputusan DPRD") })
    .optional(),
  termination: z
    .object({
      ground: optionalChoice(TerminationGround, "Dasar pengakhiran"),
      date: optionalDate("Tanggal pengakhiran"),
    })
    .optional(),
  adendum: z
    .object({
      // One change per line (a textarea); the workflow's adendumData guard decides what is enough.
      changes: optionalText("Pokok perubahan", 12000, { multiline: true }).transform((v) =>
        (v ?? "").split(/\r?\n/).map((line) => line.replace(/^\s*(?:[-•*]|\d+[.)])\s*/, "").trim()).filter(Boolean),
      ),
      burdensPublic: yesNo("pertanyaan menambah beban masyarakat dan daerah"),
      budgetedInApbd: yesNo("pertanyaan sudah dianggarkan dalam APBD"),
    })
    .optional(),
});

export const opinionSchema = z.object({
  caseId: recordId,
  opinion: requiredChoice(TkksdOpinionValue, "Pendapat"),
  note: requiredText("Catatan pendapat", 4000, { multiline: true }),
});

export const partnerRequestSchema = z
  .object({
    name: requiredText("Nama mitra", 200),
    partnerClass: requiredChoice(PartnerClass, "Kelas mitra"),
    universityStatus: optionalChoice(UniversityStatus, "Status perguruan tinggi"),
    address: optionalText("Alamat", 300),
    province: optionalText("Provinsi", 100),
    country: optionalText("Negara", 100),
    /** The jenis of the proposal being drafted: the partner must fit it. */
    kind: optionalChoice(CaseKind, "Jenis kerja sama"),
  })
  .superRefine((v, ctx) => {
    const foreign = v.partnerClass === "PEMDA_LUAR_NEGERI" || v.partnerClass === "LEMBAGA_LUAR_NEGERI";
    // Foreign partners need their country: the register and the rekap report it (domain §6).
    if (foreign && (!v.country || v.country.toLowerCase() === "indonesia")) {
      ctx.addIssue({ code: "custom", path: ["country"], message: "Negara mitra luar negeri wajib diisi" });
    }
    if (v.partnerClass === "PERGURUAN_TINGGI" && !v.universityStatus) {
      ctx.addIssue({ code: "custom", path: ["universityStatus"], message: "Status perguruan tinggi wajib dipilih" });
    }
  });
export type PartnerRequestInput = z.output<typeof partnerRequestSchema>;

export const pksTurunanSchema = z.object({
  kbId: recordId,
  title: requiredText("Judul", 200),
  opdId: z.string({ error: "OPD pelaksana wajib dipilih" }).pipe(recordId),
});

/** "Mulai Perpanjangan": the case to extend (everything else is copied from it). */
export const perpanjanganSchema = z.object({ caseId: recordId });
