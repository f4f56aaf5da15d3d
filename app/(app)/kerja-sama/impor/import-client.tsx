"use client";

import { useId, useRef, useState, type FormEvent } from "react";
import { ImportedList, ImportPreviewTable } from "@/components/legacy/import-preview";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { ImportPreview } from "@/lib/legacy/import";

type Progress = { tahap: "periksa" | "impor"; done: number; total: number };
type Done = { count: number; cases: { row: number; id: string; code: string }[]; newPartners: number };
type Line =
  | ({ type: "progres" } & Progress)
  | { type: "pratinjau"; preview: ImportPreview }
  | ({ type: "selesai" } & Done)
  | { type: "galat"; message: string };

const MAX_BYTES = 5 * 1024 * 1024;

/** Posts the workbook and reads the NDJSON answer line by line (progress, then the outcome). */
async function run(file: File, langkah: "periksa" | "impor", onLine: (line: Line) => void): Promise<string | null> {
  const res = await fetch(`/api/arsip/impor?${new URLSearchParams({ langkah, name: file.name })}`, {
    method: "POST",
    headers: { "x-sikerda-upload": "1", "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
    body: file,
  });
  if (!res.ok || !res.body) {
    const body = (await res.json().catch(() => null)) as { message?: string } | null;
    return body?.message ?? (res.status === 401 ? "Sesi Anda telah berakhir. Silakan masuk kembali." : "Berkas tidak dapat diproses. Coba lagi.");
  }
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (value) buffer += value;
    let nl = buffer.indexOf("\n");
    while (nl >= 0) {
      const text = buffer.slice(0, nl).trim();
      buffer = buffer.slice(nl + 1);
      if (text) onLine(JSON.parse(text) as Line);
      nl = buffer.indexOf("\n");
    }
    if (done) return null;
  }
}

/** Step 2 and 3 of the import: choose the filled workbook, check every row, then import them all. */
export function ImportClient() {
  const fileId = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  const [onlyErrors, setOnlyErrors] = useState(false);
  const busy = progress !== null;

  async function go(langkah: "periksa" | "impor") {
    if (!file) return;
    setError(null);
    setDone(null);
    if (langkah === "periksa") setPreview(null);
    setProgress({ tahap: langkah === "impor" ? "impor" : "periksa", done: 0, total: 0 });
    const problem = await run(file, langkah, (line) => {
      if (line.type === "progres") setProgress({ tahap: line.tahap, done: line.done, total: line.total });
      else if (line.type === "pratinjau") {
        setPreview(line.preview);
        setOnlyErrors(!line.preview.valid && line.preview.total > 20);
      } else if (line.type === "selesai") {
        setDone(line);
        setPreview(null);
        setFile(null);
        if (fileRef.current) fileRef.current.value = "";
      } else setError(line.message);
    }).catch(() => "Koneksi terputus saat memproses berkas. Periksa jaringan lalu coba lagi; tidak ada data yang diimpor.");
    if (problem) setError(problem);
    setProgress(null);
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!file) return setError("Pilih berkas Excel (.xlsx) hasil isian templat.");
    if (!/\.xlsx$/i.test(file.name)) return setError("Berkas harus berupa buku kerja Excel (.xlsx).");
    if (file.size > MAX_BYTES) return setError("Berkas impor paling besar 5 MB; bagi menjadi beberapa berkas.");
    void go("periksa");
  }

  const errorRows = preview?.rows.filter((r) => r.errors.length > 0).length ?? 0;
  return (
    <div className="space-y-6">
      <form onSubmit={onSubmit} noValidate className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm" aria-busy={busy}>
        <h2 className="text-base font-semibold text-slate-900">Langkah 2: unggah berkas yang sudah diisi</h2>
        <Field id={fileId} label="Berkas Excel (.xlsx)" hint="Paling besar 5 MB dan 2.000 baris. Isi berkas diperiksa seluruhnya sebelum ada yang diimpor." required error={preview ? undefined : error ?? undefined}>
          {(p) => (
            <Input
              {...p}
              ref={fileRef}
              type="file"
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(e) => { setFile(e.currentTarget.files?.[0] ?? null); setPreview(null); setDone(null); setError(null); }}
            />
          )}
        </Field>
        <Button type="submit" variant={preview?.valid ? "secondary" : "primary"} disabled={busy}>
          {progress?.tahap === "periksa" ? "Memeriksa…" : "Periksa Berkas"}
        </Button>
      </form>

      {progress && (
        <div role="status" className="rounded-lg border border-sky-200 bg-sky-50 p-4 text-sm text-sky-950">
          <p className="mb-2 font-semibold">
            {progress.tahap === "impor" ? "Mengimpor kerja sama…" : "Memeriksa setiap baris…"}
            {progress.total > 0 && ` ${progress.done.toLocaleString("id-ID")} dari ${progress.total.toLocaleString("id-ID")} baris`}
          </p>
          <progress className="h-3 w-full" max={Math.max(progress.total, 1)} value={progress.tahap === "impor" ? progress.done : undefined} aria-label="Kemajuan impor" />
        </div>
      )}

      {error && preview && <Alert tone="error" announce title={error} />}
      {error && !preview && !busy && <Alert tone="error" announce title="Berkas belum dapat diproses.">{error}</Alert>}

      {done && (
        <Alert tone="success" announce title={`${done.count.toLocaleString("id-ID")} kerja sama arsip berhasil diimpor.`}>
          <p className="mb-2">
            Semua baris masuk dalam satu transaksi; riwayat setiap kerja sama mencatat asal impornya.
            {done.newPartners > 0 && ` ${done.newPartners} mitra baru ditambahkan dan menunggu konfirmasi di menu Mitra.`}
          </p>
          <ImportedList cases={done.cases} />
        </Alert>
      )}

      {preview && (
        <section aria-labelledby="hasil-periksa" className="space-y-4">
          <h2 id="hasil-periksa" className="text-base font-semibold text-slate-900">Langkah 3: hasil pemeriksaan</h2>
          {preview.valid ? (
            <Alert tone="success" announce title={`Semua ${preview.total.toLocaleString("id-ID")} baris siap diimpor.`}>
              {preview.newPartners.length > 0 && <p>Mitra baru yang akan ditambahkan (menunggu konfirmasi): {preview.newPartners.join("; ")}.</p>}
              <div className="mt-3">
                <Button variant="primary" onClick={() => void go("impor")} disabled={busy}>
                  Impor {preview.total.toLocaleString("id-ID")} Kerja Sama
                </Button>
              </div>
            </Alert>
          ) : (
            <Alert tone="error" announce title={`Belum ada yang diimpor: ${errorRows.toLocaleString("id-ID")} dari ${preview.total.toLocaleString("id-ID")} baris perlu diperbaiki.`}>
              Perbaiki kolom yang disebutkan pada berkas Excel, simpan, lalu pilih berkas itu lagi dan tekan Periksa Berkas.
              Impor hanya berjalan bila semua baris benar.
            </Alert>
          )}
          {!preview.valid && (
            <Checkbox id={`${fileId}-hanya-galat`} label="Tampilkan hanya baris yang perlu diperbaiki" checked={onlyErrors} onChange={(e) => setOnlyErrors(e.currentTarget.checked)} />
          )}
          <ImportPreviewTable preview={preview} onlyErrors={onlyErrors} />
        </section>
      )}
    </div>
  );
}
