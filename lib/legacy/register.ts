import "server-only";
import { can } from "@/lib/auth/policy";
import type { CurrentUser } from "@/lib/auth/session";
import { TX_OPTIONS } from "@/lib/cases/transition";
import { getDb } from "@/lib/db";
import { DomainError, isDomainError } from "@/lib/errors";
import type { DocumentType } from "@/lib/generated/prisma/enums";
import { loadSettings } from "@/lib/settings/load";
import { checkArchive, type FieldErrors } from "./check";
import { assertNoErrors, duplicateNumberMessage, insertArchive, type ArchiveFiles } from "./insert";
import { existingNumbers, numberKey, takeArchiveLock } from "./numbers";
import { hasKb, type ArchiveFormInput, type ArchiveInput } from "./schema";
import { resolveStagedFile, STALE_FILE_MESSAGE } from "./staged-upload";

export const REGISTER_FORBIDDEN = "Hanya Bagian Kerja Sama yang dapat mendaftarkan kerja sama arsip.";

const FILE_FIELDS = { induk: "fileInduk", naskah: "fileNaskah", kuasa: "fileKuasa", dprd: "fileDprd" } as const;

async function resolveFiles(actor: CurrentUser, input: ArchiveFormInput, now: Date, errors: FieldErrors): Promise<ArchiveFiles> {
  const files: ArchiveFiles = {};
  for (const [role, field] of Object.entries(FILE_FIELDS) as [keyof ArchiveFiles, (typeof FILE_FIELDS)[keyof ArchiveFiles]][]) {
    const token = input[field];
    if (!token) continue;
    try {
      files[role] = await resolveStagedFile(actor, token, now);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      errors[field] = STALE_FILE_MESSAGE;
    }
  }
  if (!input.fileNaskah) errors.fileNaskah ??= "Unggah PDF naskah yang sudah ditandatangani.";
  if (hasKb(input.kind) && !input.fileInduk) errors.fileInduk ??= "Unggah PDF Kesepakatan Bersama yang sudah ditandatangani.";
  return files;
}

/**
 * Bagian Kerja Sama registers an agreement signed before SIKERDA ("Kerja Sama Arsip", domain §5)
 * directly as in force, with its signed PDFs. Refused for everyone else, and refused with every
 * problem at once (on its field) when a legal check fails; then nothing is written.
 */
export async function registerArchive({
  actor, now, input,
}: { actor: CurrentUser; now: Date; input: ArchiveFormInput }): Promise<{ id: string; code: string; stage: "PELAKSANAAN" | "BERAKHIR" }> {
  if (!can(actor, "legacy.register")) throw new DomainError("FORBIDDEN", REGISTER_FORBIDDEN);
  const db = getDb();
  const settings = await loadSettings(db);
  const errors: FieldErrors = {};
  const files = await resolveFiles(actor, input, now, errors);

  const [partner, opd] = await Promise.all([
    db.partner.findFirst({
      where: { id: input.partnerId, deletedAt: null, OR: [{ verified: true }, { createdById: actor.id }] },
      select: { name: true, partnerClass: true, universityStatus: true },
    }),
    db.opd.findUnique({ where: { id: input.opdId }, select: { active: true } }),
  ]);
  if (!partner) errors.partnerId = "Mitra yang dipilih tidak ditemukan.";
  if (!opd?.active) errors.opdId = "OPD yang dipilih tidak ditemukan atau sudah nonaktif.";
  const documents: DocumentType[] = files.kuasa ? ["SURAT_KUASA"] : [];
  const archive: ArchiveInput = input;
  Object.assign(errors, { ...checkArchive(archive, { partner, documents }, { now, settings }), ...errors });
  // The KB and its PKS are two naskah with two numbers of the region.
  if (hasKb(input.kind) && input.induk?.ourNumber && input.naskah?.ourNumber && numberKey(input.induk.ourNumber) === numberKey(input.naskah.ourNumber)) {
    errors["naskah.ourNumber"] ??= "Nomor PKS pihak daerah tidak boleh sama dengan nomor Kesepakatan Bersama.";
  }
  assertNoErrors(errors);

  try {
    return await db.$transaction(async (tx) => {
      await takeArchiveLock(tx);
      const numbers = [input.induk?.ourNumber, input.naskah?.ourNumber].filter((n): n is string => Boolean(n));
      const taken = await existingNumbers(tx, numbers);
      const dup: FieldErrors = {};
      if (hasKb(input.kind) && input.induk?.ourNumber && taken.has(numberKey(input.induk.ourNumber))) {
        dup["induk.ourNumber"] = duplicateNumberMessage(input.induk.ourNumber, taken.get(numberKey(input.induk.ourNumber))!);
      }
      if (input.naskah?.ourNumber && taken.has(numberKey(input.naskah.ourNumber))) {
        dup["naskah.ourNumber"] = duplicateNumberMessage(input.naskah.ourNumber, taken.get(numberKey(input.naskah.ourNumber))!);
      }
      assertNoErrors(dup);
      return insertArchive({ tx, actor, now, settings, partnerName: partner!.name, source: "formulir" }, archive, files);
    }, TX_OPTIONS);
  } catch (error) {
    // A file reference used twice (the same upload registered again) hits Document.storageKey's unique index.
    if ((error as { code?: unknown }).code === "P2002") {
      throw new DomainError("VALIDATION", "Berkas ini sudah dipakai pada kerja sama lain. Unggah ulang berkasnya.", {
        fileNaskah: "Berkas ini sudah dipakai pada kerja sama lain. Unggah ulang berkasnya.",
      });
    }
    throw error;
  }
}
