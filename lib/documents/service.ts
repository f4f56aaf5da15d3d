import "server-only";
import { can, type PolicyUser } from "@/lib/auth/policy";
import { caseWhereFor } from "@/lib/cases/scope";
import { roundDocumentsWhere } from "@/lib/cases/snapshot";
import { getDb, type Tx } from "@/lib/db";
import { DomainError, STALE_MESSAGE } from "@/lib/errors";
import type { Document } from "@/lib/generated/prisma/client";
import { DocumentType, type Stage } from "@/lib/generated/prisma/enums";
import { deleteObject, newStorageKey, ObjectTooLargeError, writeObjectStream } from "@/lib/storage";
import { DOCUMENT_LABELS, stageDocumentTypes } from "@/lib/workflow/documents";
import { isTerminal, STAGE_LABELS } from "@/lib/workflow/stages";
import { sanitizeFileName } from "./file-name";
import { MAX_UPLOAD_BYTES, SIZE_LIMIT_MESSAGE } from "./http";
import { QUOTA, quotaRefusal } from "./quota";
import { needsCorrectionReason, uploadableTypes } from "./rules";
import { isAccepted, PDF, SNIFF_BYTES, sniffType, wrongTypeMessage, type SniffedType } from "./sniff";
import { readHead, toAsyncIterable, type ByteSource } from "./stream";

export type DocumentActor = PolicyUser & { id: string };

export type UploadInput = {
  caseId: string;
  /** A DocumentType value; anything else is refused. */
  type: string;
  originalName?: string | null;
  /** The file body: a web ReadableStream (route handler) or any async iterable of bytes. */
  stream: ByteSource;
  /** Content-Length when known: refuses an oversized file before reading it. */
  declaredSize?: number | null;
  correctionReason?: string | null;
  /** The stage the user saw; when the case has moved on since, the upload is STALE. */
  expectedStage?: string | null;
  /** The caller's clock (the daily quota window). */
  now: Date;
};

/** HTTP 429 when a quota is used up. */
export class QuotaExceededError extends DomainError {
  constructor(message: string) {
    super("CONFLICT", message);
    this.name = "QuotaExceededError";
  }
}

/** VALIDATION error the route answers with 413. */
export class FileTooLargeError extends DomainError {
  constructor() {
    super("VALIDATION", SIZE_LIMIT_MESSAGE);
    this.name = "FileTooLargeError";
  }
}

const MAX_REASON_LENGTH = 1000;
const LOCKED_MESSAGE = "Dokumen tahap sebelumnya terkunci: koreksi memerlukan alasan.";
const EMPTY_MESSAGE = "Berkas kosong. Pilih berkas yang berisi dokumen.";

function isDocumentType(value: string): value is DocumentType {
  return Object.prototype.hasOwnProperty.call(DocumentType, value);
}

async function latestVersion(db: Tx, caseId: string, type: DocumentType) {
  return db.document.findFirst({
    where: { caseId, type, deletedAt: null },
    orderBy: { version: "desc" },
    select: { version: true, locked: true },
  });
}

/** The latest version within the case's current round (an adendum's round starts empty). */
async function latestInRound(db: Tx | ReturnType<typeof getDb>, c: { id: string; stage: Stage }, type: DocumentType) {
  return db.document.findFirst({
    where: { ...roundDocumentsWhere(c), type },
    orderBy: { version: "desc" },
    select: { version: true, locked: true },
  });
}

/** The correction reason required by the latest version, trimmed; throws when it is missing. */
function requiredReason(type: DocumentType, latest: { locked: boolean } | null, reason: string): string | null {
  if (!needsCorrectionReason(type, latest?.locked ?? false)) return null;
  if (reason === "") throw new DomainError("VALIDATION", LOCKED_MESSAGE, { alasan: LOCKED_MESSAGE });
  return reason;
}

/** Checks everything that does not need the file: case, role, stage, type, size, correction. */
async function admit(actor: DocumentActor, input: UploadInput) {
  const db = getDb();
  const found = await db.case.findFirst({
    where: { AND: [{ id: input.caseId }, caseWhereFor(actor)] },
    select: { id: true, opdId: true, stage: true, initiator: true },
  });
  if (!found) throw new DomainError("NOT_FOUND", "Usulan tidak ditemukan.");
  if (!can(actor, "document.upload", { opdId: found.opdId, stage: found.stage })) {
    throw new DomainError("FORBIDDEN", "Anda tidak berwenang mengunggah dokumen pada usulan ini.");
  }
  if (input.expectedStage && input.expectedStage !== found.stage) throw new DomainError("STALE", STALE_MESSAGE);
  const stageLabel = STAGE_LABELS[found.stage];
  if (isTerminal(found.stage)) {
    throw new DomainError("VALIDATION", `Usulan sudah pada tahap ${stageLabel}: dokumen tidak dapat diunggah lagi.`);
  }
  const type = input.type;
  if (!isDocumentType(type) || !stageDocumentTypes(found.stage, found.initiator).includes(type)) {
    const message = `Jenis dokumen ini tidak dapat diunggah pada tahap ${stageLabel}.`;
    throw new DomainError("VALIDATION", message, { type: message });
  }
  if (!uploadableTypes(actor, found).includes(type)) {
    throw new DomainError(
      "FORBIDDEN",
      `${DOCUMENT_LABELS[type]} pada tahap ${stageLabel} tidak diunggah oleh peran Anda.`,
    );
  }
  if (input.declaredSize != null && input.declaredSize > MAX_UPLOAD_BYTES) throw new FileTooLargeError();
  if (input.declaredSize === 0) throw new DomainError("VALIDATION", EMPTY_MESSAGE);
  const reason = (input.correctionReason ?? "").trim();
  if (reason.length > MAX_REASON_LENGTH) {
    throw new DomainError("VALIDATION", "Alasan koreksi paling banyak 1.000 karakter.");
  }
  requiredReason(type, await latestInRound(db, found, type), reason);
  return { found, type, reason };
}

/** Refuses when this file would exceed the case's or the uploader's quota (QUOTA, lib/documents/quota.ts). */
export async function assertQuota(tx: Tx, userId: string, caseId: string, size: number, now: Date): Promise<void> {
  // One uploader's parallel uploads to different cases are serialized here; the case row lock covers the case.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`upload:${userId}`}))`;
  const since = new Date(now.getTime() - 24 * 60 * 60 * 1000);
  const [byCase, byUser] = await Promise.all([
    tx.document.aggregate({ where: { caseId, deletedAt: null }, _count: { _all: true }, _sum: { sizeBytes: true } }),
    tx.document.aggregate({ where: { uploadedById: userId, uploadedAt: { gt: since } }, _count: { _all: true }, _sum: { sizeBytes: true } }),
  ]);
  const refusal = quotaRefusal(
    {
      caseFiles: byCase._count._all, caseBytes: byCase._sum.sizeBytes ?? 0,
      userFiles: byUser._count._all, userBytes: byUser._sum.sizeBytes ?? 0,
    },
    size,
    QUOTA,
  );
  if (refusal) throw new QuotaExceededError(refusal);
}

/**
 * Uploads one document to a case: authorized and checked before a byte is stored, content sniffed
 * from the first bytes, streamed to storage (hashed and counted, ≤ 20 MB), then the row inserted
 * in a transaction that holds the case row lock, so concurrent uploads get distinct versions and a
 * stage change in between is seen. Any failure leaves neither a file nor a row.
 */
export type StoredUpload = { storageKey: string; sha256: string; sizeBytes: number; sniffed: SniffedType };

/**
 * The file part of every upload (case documents, report evidence): the first bytes decide the type
 * (refused unless `type` accepts it), then the body is streamed to storage, hashed and counted
 * (≤ 20 MB). Nothing is kept on a refusal; after success the caller deletes `storageKey` if its
 * transaction fails.
 */
export async function storeUpload(type: DocumentType, stream: ByteSource, declaredSize?: number | null): Promise<StoredUpload> {
  return storeFile(stream, {
    declaredSize,
    refuse: (sniffed) => (isAccepted(type, sniffed) ? null : wrongTypeMessage(type)),
  });
}

/**
 * The byte handling shared by every stored file (case documents, report evidence, partner legal
 * documents, staged archive PDFs): a declared size over 20 MB or of 0 is refused before reading;
 * the first bytes decide the type (`refuse` answers the Indonesian message of a type it does not
 * take); the rest is streamed to storage, hashed and counted; a body shorter than its declared
 * size is dropped. Nothing is kept on a refusal; after success the caller deletes `storageKey`
 * if its own transaction fails.
 */
export async function storeFile(
  stream: ByteSource,
  options: {
    declaredSize?: number | null;
    /** null when the sniffed type is acceptable, else the message to show. */
    refuse: (sniffed: SniffedType | null) => string | null;
    emptyMessage?: string;
    now?: Date;
  },
): Promise<StoredUpload> {
  const { declaredSize, emptyMessage = EMPTY_MESSAGE } = options;
  if (declaredSize != null && declaredSize > MAX_UPLOAD_BYTES) throw new FileTooLargeError();
  if (declaredSize === 0) throw new DomainError("VALIDATION", emptyMessage);
  const { head, rest, cancel } = await readHead(toAsyncIterable(stream), SNIFF_BYTES);
  if (head.byteLength === 0) {
    await cancel();
    throw new DomainError("VALIDATION", emptyMessage);
  }
  const sniffed = sniffType(head);
  const refusal = options.refuse(sniffed);
  if (refusal !== null || !sniffed) {
    await cancel();
    throw new DomainError("VALIDATION", refusal ?? "Jenis berkas tidak dikenali.");
  }

  const storageKey = newStorageKey(sniffed.extension, options.now);
  let written: { sha256: string; sizeBytes: number };
  try {
    written = await writeObjectStream(storageKey, rest, MAX_UPLOAD_BYTES);
  } catch (error) {
    await cancel();
    if (error instanceof ObjectTooLargeError) throw new FileTooLargeError();
    throw error;
  }
  // A body shorter than its Content-Length was cut off on the way (aborted upload, or a layer that
  // truncates, such as Next's proxy body clone at 10 MB): never keep a partial document.
  if (declaredSize != null && written.sizeBytes !== declaredSize) {
    await deleteObject(storageKey);
    throw new DomainError("VALIDATION", "Berkas tidak diterima utuh. Unggah ulang berkas tersebut.");
  }
  return { storageKey, ...written, sniffed };
}

/** A PDF only (partner legal documents, staged archive agreements): see storeFile. */
export function storePdf(
  stream: ByteSource,
  options: { declaredSize?: number | null; now: Date; emptyMessage?: string; notPdfMessage?: string },
): Promise<StoredUpload> {
  const notPdf = options.notPdfMessage ?? "Berkas harus berupa PDF (isi berkas diperiksa, bukan hanya namanya).";
  return storeFile(stream, { ...options, refuse: (sniffed) => (sniffed?.mime === PDF.mime ? null : notPdf) });
}

export async function uploadDocument(actor: DocumentActor, input: UploadInput): Promise<Document> {
  const { found, type, reason } = await admit(actor, input);
  const { storageKey, sniffed, ...written } = await storeUpload(type, input.stream, input.declaredSize);

  try {
    return await getDb().$transaction(async (tx) => {
      const locked = await tx.$queryRaw<{ stage: Stage }[]>`
        SELECT "stage" FROM "Case" WHERE "id" = ${found.id} AND "deletedAt" IS NULL FOR UPDATE`;
      if (locked[0]?.stage !== found.stage) throw new DomainError("STALE", STALE_MESSAGE);
      await assertQuota(tx, actor.id, found.id, written.sizeBytes, input.now);
      const latest = await latestVersion(tx, found.id, type);
      const correctionReason = requiredReason(type, await latestInRound(tx, found, type), reason);
      const doc = await tx.document.create({
        data: {
          caseId: found.id,
          stage: found.stage,
          type,
          version: (latest?.version ?? 0) + 1,
          correctionReason,
          storageKey,
          sha256: written.sha256,
          sizeBytes: written.sizeBytes,
          mimeType: sniffed.mime,
          originalName: sanitizeFileName(input.originalName, sniffed),
          uploadedById: actor.id,
        },
      });
      await tx.auditEvent.create({
        data: {
          actorId: actor.id,
          action: correctionReason ? "document.correct" : "document.upload",
          entity: "Document",
          entityId: doc.id,
          data: { caseId: found.id, type, version: doc.version, sha256: doc.sha256, sizeBytes: doc.sizeBytes },
        },
      });
      return doc;
    });
  } catch (error) {
    await deleteObject(storageKey);
    throw error;
  }
}

export type DownloadableDocument = Document & { case: { id: string; opdId: string; stage: Stage } };

/** A document the actor may read (its case scoped to the actor); unknown, deleted or hidden → NOT_FOUND. */
export async function getDocumentForDownload(actor: DocumentActor, id: string): Promise<DownloadableDocument> {
  const doc = await getDb().document.findFirst({
    where: { id, deletedAt: null, case: caseWhereFor(actor) },
    include: { case: { select: { id: true, opdId: true, stage: true } } },
  });
  if (!doc) throw new DomainError("NOT_FOUND", "Dokumen tidak ditemukan.");
  if (!can(actor, "document.read", { opdId: doc.case.opdId, stage: doc.case.stage })) {
    throw new DomainError("FORBIDDEN", "Anda tidak berwenang mengunduh dokumen ini.");
  }
  return doc;
}
