"use client";

import { useEffect } from "react";
import { GeistSans } from "geist/font/sans";
import { errorDigest } from "@/components/shell/status-page";
import "./globals.css";

/**
 * Replaces the root layout when it fails, so it brings its own document, styles and font,
 * and avoids anything that might depend on the failed layout (plain <a>, not next/link).
 */
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = errorDigest(error);
  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <html lang="id" className={GeistSans.variable}>
      <body className="min-h-dvh bg-slate-50 font-sans text-slate-900">
        <title>Terjadi kesalahan · SIKERDA</title>
        <main id="konten" className="mx-auto max-w-xl px-4 py-16 sm:py-24">
          <div className="rounded-lg border border-slate-200 border-t-4 border-t-brand-700 bg-white px-6 py-10 text-center shadow-sm">
            <p className="text-xs font-semibold tracking-wide text-slate-600 uppercase">
              Pemerintah Kabupaten Sukamaju · SIKERDA
            </p>
            <h1 className="mt-3 text-2xl font-bold tracking-tight">Terjadi kesalahan</h1>
            <p className="mt-3 text-slate-700">
              Aplikasi tidak dapat dimuat. Silakan coba lagi; jika masalah berulang, laporkan kepada administrator
              sistem dengan menyertakan kode rujukan.
            </p>
            {digest && (
              <p className="mt-3 text-sm text-slate-600">
                Kode rujukan: <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-slate-800">{digest}</code>
              </p>
            )}
            <div className="mt-8 flex flex-wrap justify-center gap-3">
              <button
                type="button"
                onClick={() => retry()}
                className="inline-flex min-h-10 items-center rounded-md bg-brand-700 px-4 text-sm font-semibold text-white hover:bg-brand-800"
              >
                Coba lagi
              </button>
              <a
                href="/beranda"
                className="inline-flex min-h-10 items-center rounded-md border border-slate-300 bg-white px-4 text-sm font-semibold text-slate-800 hover:bg-slate-50"
              >
                Kembali ke Beranda
              </a>
            </div>
          </div>
        </main>
      </body>
    </html>
  );
}
