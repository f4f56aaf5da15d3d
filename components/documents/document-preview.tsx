"use client";

import { useId, useState, type ReactNode } from "react";

/**
 * One document row with an inline PDF preview: "Pratinjau" opens the PDF inside the page, in an
 * iframe of the same authorized route as the download (`/api/dokumen/<id>?tampil=1`). Nothing is
 * fetched until the user asks. That response may be framed only by SIKERDA's own pages and is
 * sandboxed (lib/documents/http.ts), so the page's CSP keeps `object-src 'none'`: no <object> or
 * <embed>, only a same-origin frame (`default-src 'self'` covers frames).
 */
export function DocumentPreviewRow({
  summary,
  actions,
  src,
  label,
}: {
  summary: ReactNode;
  actions: ReactNode;
  /** The inline URL of the PDF. */
  src: string;
  /** "KAK versi 2": names the button and the frame for screen readers. */
  label: string;
}) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  return (
    <li className="px-4 py-3">
      <div className="flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between">
        {summary}
        <div className="flex shrink-0 flex-wrap items-center gap-x-3 gap-y-1 text-sm font-semibold">
          <button
            type="button"
            aria-expanded={open}
            aria-controls={panelId}
            aria-label={`${open ? "Tutup pratinjau" : "Pratinjau"} ${label}`}
            onClick={() => setOpen((v) => !v)}
            className="min-h-8 cursor-pointer text-brand-800 underline hover:text-brand-900"
          >
            {open ? "Tutup pratinjau" : "Pratinjau"}
          </button>
          {actions}
        </div>
      </div>
      <div id={panelId} hidden={!open} className="mt-3">
        {open && (
          <>
            <iframe
              src={src}
              title={`Pratinjau ${label}`}
              className="h-[75vh] min-h-80 w-full rounded-md border border-slate-300 bg-slate-100"
            />
            <p className="mt-2 text-sm text-slate-600">
              Pratinjau tidak tampil (misalnya di sebagian ponsel)?{" "}
              <a href={src} target="_blank" rel="noopener noreferrer" className="font-semibold text-brand-800 underline hover:text-brand-900">
                Buka di tab baru
              </a>{" "}
              atau unduh berkasnya.
            </p>
          </>
        )}
      </div>
    </li>
  );
}
