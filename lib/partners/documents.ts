import "server-only";
import { can } from "@/lib/auth/policy";
import type { CurrentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { storePdf } from "@/lib/documents/service";
import { PDF } from "@/lib/documents/sniff";
import { sanitizeFileName } from "@/lib/documents/file-name";
import type { ByteSource } from "@/lib/documents/stream";
import { DomainError } from "@/lib/errors";
import { PartnerDocumentType, type PartnerDocument } from "@/lib/generated/prisma/client";
import { deleteObject } from "@/lib/storage";
import { partnerVisibleWhere } from "./visibility";

/*
 * Legal documents of a partner (akta, NIB, SK…, domain §8): uploaded by Bagian KS through a
 * streamed route handler, checked exactly like case documents (lib/documents: the first bytes must
 * be a PDF, ≤ 20 MB, server-generated storage key, SHA-256), downloaded by whoever may see the
 * partner. A failure leaves neither a file nor a row.
 */

export const PARTNER_DOCUMENT_LABELS: Record<PartnerDocumentType, string> = {
  AKTA_PENDIRIAN: "Akta pendirian",
  AKTA_PERUBAHAN: "Akta perubahan",
  SK_PENGESAHAN: "SK pengesahan badan hukum (Kemenkumham)",
  NIB: "Nomor Induk Berusaha (NIB)",
  NPWP: "NPWP",
  SK_PEMBENTUKAN: "Dasar pembentukan instansi (Perda/Perpres/SK)",
  IZIN_USAHA: "Izin usaha/operasional",
  LAINNYA: "Dokumen legal lainnya",
};

export function isPartnerDocumentType(value: string): value is PartnerDocumentType {
  return Object.prototype.hasOwnProperty.call(PartnerDocumentType, value);
}

export type PartnerUploadInput = {
  partnerId: string;
  type: string;
  number?: string | null;
  originalName?: string | null;
  stream: ByteSource;
  declaredSize?: number | null;
  now: Date;
};

const EMPTY = "Berkas kosong. Pilih berkas yang berisi dokumen.";

export async function uploadPartnerDocument(actor: CurrentUser, input: PartnerUploadInput): Promise<PartnerDocument> {
  if (!can(actor, "partner.manage")) throw new DomainError("FORBIDDEN", "Anda tidak berwenang mengunggah dokumen legal mitra.");
  const db = getDb();
  const partner = await db.partner.findFirst({ where: { id: input.partnerId, deletedAt: null }, select: { id: true } });
  if (!partner) throw new DomainError("NOT_FOUND", "Mitra tidak ditemukan.");
  if (!isPartnerDocumentType(input.type)) {
    throw new DomainError("VALIDATION", "Jenis dokumen legal tidak dikenal.", { type: "Jenis dokumen legal tidak dikenal." });
  }
  const number = input.number?.trim() || null;
  if (number && (number.length > 200 || /[\u0000-\u001f\u007f]/.test(number))) {
    throw new DomainError("VALIDATION", "Nomor dokumen paling banyak 200 karakter biasa.", { nomor: "Nomor dokumen tidak valid." });
  }
  const { storageKey, ...written } = await storePdf(input.stream, { declaredSize: input.declaredSize, now: input.now, emptyMessage: EMPTY });
  try {
    return await db.$transaction(async (tx) => {
      // The partner may have been merged while the file arrived.
      const still = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM "Partner" WHERE id = ${partner.id} AND "deletedAt" IS NULL FOR UPDATE`;
      if (still.length === 0) throw new DomainError("NOT_FOUND", "Mitra tidak ditemukan (mungkin baru saja digabungkan).");
      const doc = await tx.partnerDocument.create({
        data: {
          partnerId: partner.id, type: input.type as PartnerDocumentType, number, storageKey, sha256: written.sha256,
          sizeBytes: written.sizeBytes, mimeType: PDF.mime, originalName: sanitizeFileName(input.originalName, PDF),
          uploadedById: actor.id, uploadedAt: input.now,
        },
      });
      await tx.auditEvent.create({
        data: {
          actorId: actor.id, action: "partner.document.upload", entity: "PartnerDocument", entityId: doc.id, createdAt: input.now,
          data: { partnerId: partner.id, type: doc.type, sha256: doc.sha256, sizeBytes: doc.sizeBytes },
        },
      });
      return doc;
    });
  } catch (error) {
    await deleteObject(storageKey);
    throw error;
  }
}

/** A legal document whose partner the reader may see; anything else (unknown, deleted, hidden) → NOT_FOUND. */
export async function getPartnerDocumentForDownload(actor: CurrentUser, id: string): Promise<PartnerDocument> {
  const doc = await getDb().partnerDocument.findFirst({
    where: { id, deletedAt: null, partner: partnerVisibleWhere(actor) },
  });
  if (!doc) throw new DomainError("NOT_FOUND", "Dokumen tidak ditemukan.");
  return doc;
}
