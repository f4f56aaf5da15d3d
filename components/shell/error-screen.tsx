/**
 * Error screen shared by app/error.tsx and app/global-error.tsx. Both are client chunks loaded
 * on every page, so this stays import-free: no next/link (a full reload after an error is
 * wanted anyway), no icon table.
 */
export function ErrorScreen({ error, retry }: { error: unknown; retry: () => void }) {
  const digest =
    typeof error === "object" && error !== null && "digest" in error && typeof error.digest === "string"
      ? error.digest
      : undefined;
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="border-t-4 border-b border-t-brand-700 border-b-slate-200 bg-white px-4 py-3 sm:px-6">
        <p className="text-xs font-semibold tracking-wide text-slate-600 uppercase">Pemerintah Daerah</p>
        <p className="font-bold text-slate-900">SIKERDA — Sistem Informasi Kerja Sama Daerah</p>
      </header>
      <main id="konten" tabIndex={-1} className="flex flex-1 items-start justify-center px-4 py-12 sm:py-20">
        <div className="mx-auto max-w-xl rounded-lg border border-slate-200 bg-white px-6 py-10 text-center shadow-sm sm:px-10">
          <h1 className="text-2xl font-bold tracking-tight text-slate-900">Terjadi kesalahan</h1>
          <div className="mt-3 space-y-2 text-base text-slate-700">
            <p>
              Sistem gagal memproses permintaan Anda. Perubahan terakhir mungkin belum tersimpan; periksa kembali
              setelah mencoba lagi.
            </p>
            <p>Jika masalah berulang, laporkan kepada administrator sistem dengan menyertakan kode rujukan.</p>
            {digest && (
              <p className="text-sm text-slate-600">
                Kode rujukan:{" "}
                <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-slate-800">{digest}</code>
              </p>
            )}
          </div>
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
    </div>
  );
}
