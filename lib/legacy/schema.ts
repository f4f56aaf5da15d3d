import { z } from "zod";
import { parseRupiah } from "@/lib/cases/schemas";
import {
  CaseKind, FundingSource, KsddNature, KsdpkForm, PartnerClass, SignerType, UniversityStatus,
} from "@/lib/generated/prisma/enums";
import {
  optionalChoice, optionalDate, optionalText, recordId, requiredChoice, requiredText, yesNo,
} from "@/lib/validation/fields";

/*
 * Kerja Sama Arsip (domain §5): an agreement signed before SIKERDA, registered directly as in force.
 * One schema for the form (parsed by conform, lib/forms/action.ts) and for each row of the Excel
 * import (the row's cells become the same field names, lib/legacy/columns.ts), so a row is refused
 * with exactly the messages the form shows. Which naskah a jenis has decides what is required:
 *   KSDD, KSDPK      — `induk` = the Kesepakatan Bersama, `naskah` = the PKS under it
 *   SINERGI          — `naskah` = the Nota Kesepakatan (its Rencana Kerja runs with it)
 *   KSDPL, KSDLL     — `naskah` = the MoU (DPRD approval always)
 * The legal checks on dates, signers and periods are the workflow's own guards (lib/legacy/check.ts).
 */

export const KINDS_WITH_KB: readonly CaseKind[] = ["KSDD", "KSDPK"];
export const hasKb = (kind: CaseKind) => KINDS_WITH_KB.includes(kind);

const fundingAmount = z
  .string({ error: "Nilai pendanaan tidak valid" })
  .max(30, { error: "Nilai pendanaan tidak valid (contoh: 1.500.000)" })
  .refine((v) => parseRupiah(v) !== null, { error: "Nilai pendanaan tidak valid (contoh: 1.500.000)" })
  .transform((v) => parseRupiah(v) as string)
  .optional();

const fundingYear = z
  .number({ error: "Tahun anggaran tidak valid" })
  .int({ error: "Tahun anggaran tidak valid" })
  .min(1990, { error: "Tahun anggaran tidak valid" })
  .max(2100, { error: "Tahun anggaran tidak valid" })
  .optional();

/** A signed naskah: both numbers, date and place, both signatories, the period. */
const naskahObject = z.object({
  ourNumber: optionalText("Nomor pihak daerah", 100),
  partnerNumber: optionalText("Nomor pihak mitra", 100),
  signedAt: optionalDate("Tanggal penandatanganan"),
  signedPlace: optionalText("Tempat penandatanganan", 120),
  signerType: optionalChoice(SignerType, "Penandatangan pihak daerah"),
  signerName: optionalText("Nama penandatangan pihak daerah", 200),
  signerPosition: optionalText("Jabatan penandatangan pihak daerah", 200),
  partnerSignerName: optionalText("Nama penandatangan pihak mitra", 200),
  partnerSignerPosition: optionalText("Jabatan penandatangan pihak mitra", 200),
  startDate: optionalDate("Tanggal mulai berlaku"),
  endDate: optionalDate("Tanggal berakhir"),
  durationOverrideBasis: optionalText("Dasar hukum pengecualian jangka waktu", 1000, { multiline: true }),
});

export type NaskahInput = z.output<typeof naskahObject>;

/** Fields every archive agreement has, the form's and the import's. */
const commonFields = {
  kind: requiredChoice(CaseKind, "Jenis kerja sama"),
  title: requiredText("Judul kerja sama", 200),
  ksddNature: optionalChoice(KsddNature, "Sifat kerja sama"),
  ksdpkForm: optionalChoice(KsdpkForm, "Bentuk kerja sama"),
  subject: requiredText("Objek kerja sama", 500, { multiline: true }),
  governmentAffair: requiredText("Urusan pemerintahan", 200),
  scope: optionalText("Ruang lingkup", 4000, { multiline: true }),
  fundingSource: requiredChoice(FundingSource, "Sumber pendanaan"),
  fundingAmount,
  fundingYear,
  requiresDprd: yesNo("pertanyaan persetujuan DPRD"),
  dprdNumber: optionalText("Nomor keputusan DPRD", 100),
  dprdDate: optionalDate("Tanggal keputusan DPRD"),
  induk: naskahObject.optional(),
  naskah: naskahObject.optional(),
};

/** Labels of the naskah fields, for "wajib diisi" messages. */
const NASKAH_REQUIRED: [keyof NaskahInput, string][] = [
  ["ourNumber", "Nomor pihak daerah"],
  ["partnerNumber", "Nomor pihak mitra"],
  ["signedAt", "Tanggal penandatanganan"],
  ["signedPlace", "Tempat penandatanganan"],
  ["signerName", "Nama penandatangan pihak daerah"],
  ["partnerSignerName", "Nama penandatangan pihak mitra"],
  ["partnerSignerPosition", "Jabatan penandatangan pihak mitra"],
  ["startDate", "Tanggal mulai berlaku"],
  ["endDate", "Tanggal berakhir"],
];

type CommonOutput = {
  kind: CaseKind;
  ksddNature?: KsddNature;
  ksdpkForm?: KsdpkForm;
  requiresDprd: boolean | null;
  dprdNumber?: string;
  dprdDate?: Date;
  induk?: NaskahInput;
  naskah?: NaskahInput;
};

/** What the jenis requires of the form (all problems at once, each on its field). */
function requiredByKind(v: CommonOutput, ctx: z.RefinementCtx) {
  const need = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });
  if (v.kind === "KSDD" && !v.ksddNature) need(["ksddNature"], "Sifat kerja sama wajib dipilih");
  if (v.kind === "KSDPK" && !v.ksdpkForm) need(["ksdpkForm"], "Bentuk kerja sama wajib dipilih");
  const groups: ["induk" | "naskah", NaskahInput | undefined][] = hasKb(v.kind) ? [["induk", v.induk], ["naskah", v.naskah]] : [["naskah", v.naskah]];
  for (const [group, n] of groups) {
    for (const [field, label] of NASKAH_REQUIRED) {
      if (n?.[field] === undefined) need([group, field], `${label} wajib diisi`);
    }
  }
  if (hasKb(v.kind) && v.requiresDprd === null) need(["requiresDprd"], `Pilih "Ya" atau "Tidak" untuk pertanyaan persetujuan DPRD`);
  if (requiresDprdFor(v.kind, v.requiresDprd)) {
    if (!v.dprdNumber) need(["dprdNumber"], "Nomor keputusan DPRD wajib diisi");
    if (!v.dprdDate) need(["dprdDate"], "Tanggal keputusan DPRD wajib diisi");
  }
}

/** KSDPL/KSDLL always need the DPRD (Permendagri 25/2020), SINERGI never; KSDD/KSDPK as answered. */
export function requiresDprdFor(kind: CaseKind, answer: boolean | null | undefined): boolean {
  if (kind === "KSDPL" || kind === "KSDLL") return true;
  if (kind === "SINERGI") return false;
  return answer === true;
}

/** A signed-file reference from the upload step (lib/legacy/staged-upload.ts), in a hidden field. */
const fileToken = z.string().max(2000).regex(/^[A-Za-z0-9_.-]+$/, { error: "Berkas tidak sah. Unggah ulang berkasnya." }).optional();

/** The "Kerja Sama Arsip" form. */
export const archiveSchema = z
  .object({
    ...commonFields,
    partnerId: z.string({ error: "Mitra wajib dipilih" }).pipe(recordId),
    opdId: z.string({ error: "OPD pelaksana wajib dipilih" }).pipe(recordId),
    fileInduk: fileToken,
    fileNaskah: fileToken,
    fileKuasa: fileToken,
    fileDprd: fileToken,
  })
  .superRefine(requiredByKind);

export type ArchiveFormInput = z.output<typeof archiveSchema>;

/** One row of the Excel import: the partner and the OPD by name instead of by id. */
export const importRowSchema = z
  .object({
    ...commonFields,
    partnerName: requiredText("Nama mitra", 200),
    partnerClass: optionalChoice(PartnerClass, "Kelas mitra"),
    universityStatus: optionalChoice(UniversityStatus, "Status perguruan tinggi"),
    opd: requiredText("OPD pelaksana", 200),
  })
  .superRefine(requiredByKind);

export type ImportRowInput = z.output<typeof importRowSchema>;

/** What the registration service takes, from the form or from a row (partner and OPD resolved). */
export type ArchiveInput = Omit<ArchiveFormInput, "fileInduk" | "fileNaskah" | "fileKuasa" | "fileDprd">;
