// Pure content sniffing for uploads: the first bytes decide the type, never the file name or the
// Content-Type the browser sent. Only formats nobody's browser executes are accepted.
import type { DocumentType } from "@/lib/generated/prisma/enums";

export type SniffedType = {
  mime: "application/pdf" | "image/jpeg" | "image/png";
  extension: "pdf" | "jpg" | "png";
};

export const PDF: SniffedType = { mime: "application/pdf", extension: "pdf" };
export const JPEG: SniffedType = { mime: "image/jpeg", extension: "jpg" };
export const PNG: SniffedType = { mime: "image/png", extension: "png" };

const SIGNATURES: ReadonlyArray<{ bytes: readonly number[]; type: SniffedType }> = [
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], type: PDF }, // "%PDF-"
  { bytes: [0xff, 0xd8, 0xff], type: JPEG },
  { bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], type: PNG },
];

/** Bytes needed to recognise any accepted format. */
export const SNIFF_BYTES = 8;

/** The type of a file from its first bytes; anything else (MZ, HTML, ZIP/DOCX, …) → null. */
export function sniffType(head: Uint8Array): SniffedType | null {
  for (const { bytes, type } of SIGNATURES) {
    if (head.length >= bytes.length && bytes.every((b, i) => head[i] === b)) return type;
  }
  return null;
}

/** Evidence of activities may be photos; every other document is a PDF. */
export const IMAGE_DOCUMENT_TYPES: readonly DocumentType[] = ["BUKTI_KEGIATAN"];

export function acceptedTypes(type: DocumentType): readonly SniffedType[] {
  return IMAGE_DOCUMENT_TYPES.includes(type) ? [PDF, JPEG, PNG] : [PDF];
}

export function isAccepted(type: DocumentType, sniffed: SniffedType | null): sniffed is SniffedType {
  return sniffed !== null && acceptedTypes(type).some((t) => t.mime === sniffed.mime);
}

/** The Indonesian refusal for content that is not an accepted format. */
export function wrongTypeMessage(type: DocumentType): string {
  const kinds = IMAGE_DOCUMENT_TYPES.includes(type) ? "PDF, JPEG, atau PNG" : "PDF";
  return `Berkas harus berupa ${kinds} (isi berkas diperiksa, bukan hanya namanya).`;
}

/** File-name extensions the browser's file picker and the client-side check accept. */
export function acceptAttribute(type: DocumentType | ""): string {
  return type !== "" && IMAGE_DOCUMENT_TYPES.includes(type)
    ? ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
    : ".pdf,application/pdf";
}
