// Pure: the user's file name is only a label. It never reaches the file system (storage keys are
// generated), but it is shown in lists and sent back in Content-Disposition, so it is cleaned.
import type { SniffedType } from "./sniff";

export const MAX_FILE_NAME_LENGTH = 200;

// C0/C1 controls, and bidi/zero-width marks that make "laporan\u202Efdp.exe" read as "laporanexe.pdf".
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

const EXTENSIONS: Record<SniffedType["mime"], readonly string[]> = {
  "application/pdf": ["pdf"],
  "image/jpeg": ["jpg", "jpeg"],
  "image/png": ["png"],
};

/**
 * Basename only (a browser may send "C:\\fakepath\\x.pdf"), unsafe characters removed, spaces
 * collapsed, at most 200 characters, and an extension that matches the sniffed content (so a PDF
 * uploaded as "x.exe" is saved by the downloader as "x.exe.pdf", never as an executable).
 */
export function sanitizeFileName(raw: string | null | undefined, type: SniffedType): string {
  const base = (raw ?? "").split(/[\\/]/).pop() ?? "";
  let name = base.normalize("NFC").replace(UNSAFE_CHARS, "").replace(/\s+/g, " ").trim();
  name = name.replace(/^\.+/, "").trim();
  const dot = name.lastIndexOf(".");
  const ext = dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
  const allowed = EXTENSIONS[type.mime];
  const suffix = allowed.includes(ext) ? "" : `.${type.extension}`;
  if (name === "") name = "dokumen";
  const room = MAX_FILE_NAME_LENGTH - suffix.length;
  if (name.length > room) {
    // Keep the extension visible when cutting a long name.
    const keep = suffix === "" && dot > 0 ? name.slice(dot) : "";
    name = Array.from(name.slice(0, room - keep.length)).join("").trimEnd() + keep;
  }
  return name + suffix;
}
