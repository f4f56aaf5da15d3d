// Pure helpers of the document route handlers (unit-tested): upload request checks and the
// download headers.

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
export const UPLOAD_HEADER = "x-sikerda-upload";
export const SIZE_LIMIT_MESSAGE = "Ukuran berkas melebihi 20 MB.";

export type RequestProblem = { status: 400 | 403 | 413; message: string };

/**
 * CSRF defence for the upload endpoint. A cross-site page can make the browser POST with the
 * user's cookies only as a "simple" request: an HTML form or a fetch without custom headers.
 * Requiring `x-sikerda-upload: 1` turns any cross-site attempt into a CORS preflight, which this
 * app never approves, so the request is never sent. The Origin (and Sec-Fetch-Site) check is a
 * second, independent layer in case a proxy or a future CORS rule weakens the first.
 */
export function checkUploadRequest(headers: Headers, host: string | null): RequestProblem | null {
  if (headers.get(UPLOAD_HEADER) !== "1") {
    return { status: 403, message: "Permintaan unggah tidak sah. Unggah dokumen melalui halaman SIKERDA." };
  }
  if (headers.get("sec-fetch-site") === "cross-site") {
    return { status: 403, message: "Permintaan dari situs lain ditolak." };
  }
  const origin = headers.get("origin");
  if (origin !== null) {
    let originHost: string | null = null;
    try {
      originHost = new URL(origin).host;
    } catch {
      originHost = null;
    }
    if (!host || originHost?.toLowerCase() !== host.toLowerCase()) {
      return { status: 403, message: "Permintaan dari situs lain ditolak." };
    }
  }
  const length = headers.get("content-length");
  if (length !== null && /^\d+$/.test(length) && Number(length) > MAX_UPLOAD_BYTES) {
    return { status: 413, message: SIZE_LIMIT_MESSAGE };
  }
  return null;
}

/** RFC 5987 value: percent-encode everything outside attr-char (encodeURIComponent leaves '()* and !). */
export function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function contentDisposition(name: string, inline: boolean): string {
  return `${inline ? "inline" : "attachment"}; filename*=UTF-8''${encodeRfc5987(name)}`;
}

const INLINE_MIME = ["application/pdf", "image/jpeg", "image/png"];

/**
 * Content-Security-Policy of a stored file. `sandbox` gives the response an opaque origin (no
 * scripts, no forms, no access to SIKERDA's cookies or pages even if a file were ever rendered as
 * something active), `default-src 'none'` lets it load nothing. Framing: only the inline PDF
 * preview may be framed, and only by SIKERDA's own pages (`frame-ancestors 'self'`, which takes
 * precedence over X-Frame-Options); everything else keeps `frame-ancestors 'none'`.
 */
function fileContentSecurityPolicy(previewable: boolean): string {
  return `sandbox; default-src 'none'; frame-ancestors ${previewable ? "'self'" : "'none'"}`;
}

/** True when a document may be shown inline inside a SIKERDA page (the PDF preview). */
export function isPreviewable(mimeType: string): boolean {
  return mimeType === "application/pdf";
}

/**
 * Headers of a document download; shown inline only on request and only for PDF/images (the type
 * sniffed from the content at upload, never the user's file name), never HTML/SVG: anything else is
 * an attachment of type application/octet-stream. nosniff stops a browser from guessing otherwise.
 */
export function downloadHeaders(doc: { mimeType: string; originalName: string; sizeBytes: number }, wantInline: boolean): Headers {
  const inline = wantInline && INLINE_MIME.includes(doc.mimeType);
  const framable = inline && isPreviewable(doc.mimeType);
  return new Headers({
    "Content-Type": INLINE_MIME.includes(doc.mimeType) ? doc.mimeType : "application/octet-stream",
    "Content-Length": String(doc.sizeBytes),
    "Content-Disposition": contentDisposition(doc.originalName, inline),
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "private, no-store",
    "Content-Security-Policy": fileContentSecurityPolicy(framable),
    // next.config.ts sends DENY everywhere; the preview's frame is allowed for this origin only.
    "X-Frame-Options": framable ? "SAMEORIGIN" : "DENY",
    "Cross-Origin-Resource-Policy": "same-origin",
  });
}
