import "server-only";
import { can, type PolicyUser } from "@/lib/auth/policy";
import { signToken, verifyToken } from "@/lib/auth/tokens";
import { sanitizeFileName } from "@/lib/documents/file-name";
import { storePdf } from "@/lib/documents/service";
import { PDF } from "@/lib/documents/sniff";
import type { ByteSource } from "@/lib/documents/stream";
import { DomainError } from "@/lib/errors";
import { objectSize } from "@/lib/storage";

/*
 * The signed PDFs of a Kerja Sama Arsip arrive BEFORE the agreement exists: a server action may
 * not carry more than 1 MB, so the form first streams each file here (POST /api/arsip/berkas, no
 * buffering, content sniffed, ≤ 20 MB) and gets back a signed reference; the registration then
 * creates the case, its naskah and the Document rows in ONE transaction, and can insist on the
 * surat kuasa of a delegated signer exactly as the PKS signing does. The reference is an HMAC-signed
 * token (lib/auth/tokens.ts, its own key) naming the stored object, its hash and size, the uploader
 * and an expiry: nothing to store, and a token can only be used by the user who uploaded the file.
 * A file never registered stays in storage unreferenced (see README: orphaned uploads).
 */

export const STAGED_UPLOAD_HOURS = 6;

export type StagedFile = {
  storageKey: string;
  sha256: string;
  sizeBytes: number;
  mimeType: string;
  originalName: string;
};

type Actor = PolicyUser & { id: string };

const EMPTY_MESSAGE = "Berkas kosong. Pilih berkas PDF naskah yang sudah ditandatangani.";
const NOT_PDF_MESSAGE = "Berkas harus berupa PDF (isi berkas diperiksa, bukan hanya namanya).";
export const STALE_FILE_MESSAGE = "Berkas yang diunggah sudah kedaluwarsa atau tidak sah. Pilih dan unggah ulang berkasnya.";

/** Streams one PDF to storage for a later archive registration; answers its signed reference. */
export async function stageArchiveFile(
  actor: Actor,
  input: { stream: ByteSource; originalName?: string | null; declaredSize?: number | null; now: Date },
): Promise<{ token: string; name: string; sizeBytes: number }> {
  if (!can(actor, "legacy.register")) {
    throw new DomainError("FORBIDDEN", "Anda tidak berwenang mengunggah naskah kerja sama arsip.");
  }
  const written = await storePdf(input.stream, {
    declaredSize: input.declaredSize,
    now: input.now,
    emptyMessage: EMPTY_MESSAGE,
    notPdfMessage: NOT_PDF_MESSAGE,
  });
  const storageKey = written.storageKey;
  const name = sanitizeFileName(input.originalName, PDF).slice(-120);
  const expires = new Date(input.now.getTime() + STAGED_UPLOAD_HOURS * 3600_000);
  const token = signToken(
    "archive-upload",
    { k: storageKey, h: written.sha256, n: written.sizeBytes, o: name, u: actor.id },
    expires,
  );
  return { token, name, sizeBytes: written.sizeBytes };
}

/** The file behind a reference, if the signature holds, it is the actor's, unexpired, and still stored. */
export async function resolveStagedFile(actor: { id: string }, token: string, now: Date): Promise<StagedFile> {
  const p = verifyToken("archive-upload", token, now);
  if (!p || p.u !== actor.id || typeof p.k !== "string" || typeof p.h !== "string" || typeof p.n !== "number" || typeof p.o !== "string") {
    throw new DomainError("VALIDATION", STALE_FILE_MESSAGE);
  }
  if ((await objectSize(p.k)) !== p.n) throw new DomainError("VALIDATION", STALE_FILE_MESSAGE);
  return { storageKey: p.k, sha256: p.h, sizeBytes: p.n, mimeType: PDF.mime, originalName: p.o };
}
