"use client";

import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";

// The browser half of SIKERDA's streamed uploads (lib/documents/routes.ts is the server half):
// the file is the request body of an XMLHttpRequest (real upload progress, no multipart, no 1 MB
// server-action limit), with the CSRF header the server requires, and one set of Indonesian
// messages for the answers. Used by every upload form (case documents, report evidence, partner
// legal documents, archive PDFs).

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
export const SIZE_LIMIT_MESSAGE = "Ukuran berkas melebihi 20 MB.";

export type UploadResult = { ok: true; body: unknown } | { ok: false; error: string; aborted?: boolean };

/** The file-level checks the server repeats (it sniffs the content; the name check is only a hint here). */
export function fileProblem(file: File | null | undefined, options: { images?: boolean; missing: string }): string | null {
  if (!file) return options.missing;
  if (file.size === 0) return "Berkas kosong. Pilih berkas yang berisi dokumen.";
  if (file.size > MAX_UPLOAD_BYTES) return SIZE_LIMIT_MESSAGE;
  if (!(options.images ? /\.(pdf|jpe?g|png)$/i : /\.pdf$/i).test(file.name)) {
    return options.images ? "Berkas harus berupa PDF, JPEG, atau PNG." : "Berkas harus berupa PDF.";
  }
  return null;
}

function serverMessage(xhr: XMLHttpRequest, fallback: string): string {
  if (xhr.status === 401 || xhr.responseURL.includes("/login")) return "Sesi Anda telah berakhir. Silakan masuk kembali.";
  try {
    const body = JSON.parse(xhr.responseText) as { message?: unknown };
    if (typeof body.message === "string" && body.message) return body.message;
  } catch {
    // Not JSON (a proxy error page): the generic message below.
  }
  return xhr.status === 413 ? SIZE_LIMIT_MESSAGE : fallback;
}

/**
 * Streams `file` to `url` (201 = stored). `onProgress` gets 0–100; `register` receives the abort
 * function while the upload runs. Never rejects: the result carries the message to show.
 */
export function sendFile(
  url: string,
  file: File,
  options: { contentType?: string; failure: string; onProgress: (percent: number) => void; register?: (abort: (() => void) | null) => void },
): Promise<UploadResult> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    const finish = (result: UploadResult) => {
      options.register?.(null);
      resolve(result);
    };
    xhr.open("POST", url);
    // Required by the server (CSRF): a cross-site page cannot send a custom header.
    xhr.setRequestHeader("x-sikerda-upload", "1");
    xhr.setRequestHeader("Content-Type", options.contentType ?? (file.type || "application/octet-stream"));
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) options.onProgress(Math.min(100, Math.round((e.loaded / e.total) * 100)));
    };
    xhr.onload = () => {
      if (xhr.status !== 201) return finish({ ok: false, error: serverMessage(xhr, options.failure) });
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      finish({ ok: true, body });
    };
    xhr.onerror = () => finish({ ok: false, error: "Koneksi terputus saat mengunggah. Periksa jaringan lalu coba lagi." });
    xhr.onabort = () => finish({ ok: false, error: "Unggahan dibatalkan.", aborted: true });
    options.register?.(() => xhr.abort());
    options.onProgress(0);
    xhr.send(file);
  });
}

/** One upload at a time with its progress (null when idle) and a cancel function. */
export function useStreamedUpload(failure: string) {
  const abortRef = useRef<(() => void) | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  async function send(url: string, file: File, contentType?: string): Promise<UploadResult> {
    const result = await sendFile(url, file, {
      contentType,
      failure,
      onProgress: setProgress,
      register: (abort) => {
        abortRef.current = abort;
      },
    });
    setProgress(null);
    return result;
  }
  return { progress, busy: progress !== null, send, abort: () => abortRef.current?.() };
}

/** The progress bar and the submit / cancel buttons of an upload form. */
export function UploadControls({
  id, progress, submitLabel, onCancel, variant = "secondary",
}: {
  id: string;
  progress: number | null;
  submitLabel: string;
  onCancel: () => void;
  variant?: "primary" | "secondary";
}) {
  const busy = progress !== null;
  return (
    <>
      {busy && (
        <div className="space-y-1">
          <label htmlFor={`${id}-progress`} className="block text-sm font-medium text-slate-900">
            Mengunggah… {progress}%
          </label>
          <progress id={`${id}-progress`} max={100} value={progress} className="h-2 w-full accent-brand-700">
            {progress}%
          </progress>
        </div>
      )}
      <div className="flex gap-2">
        <Button type="submit" variant={variant} disabled={busy}>
          {submitLabel}
        </Button>
        {busy && (
          <Button variant="secondary" onClick={onCancel}>
            Batalkan
          </Button>
        )}
      </div>
    </>
  );
}
