import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { Breadcrumbs, PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/policy";
import { requirePermission } from "@/lib/auth/session";
import { IMPORT_COLUMNS } from "@/lib/legacy/columns";
import { ImportClient } from "./import-client";

export const metadata: Metadata = { title: "Impor Kerja Sama Arsip" };

export default async function ImporPage() {
  const actor = await requirePermission("legacy.import");
  return (
    <>
      <PageHeader
        breadcrumb={<Breadcrumbs items={[{ label: "Beranda", href: "/beranda" }, { label: "Kerja Sama", href: "/kerja-sama" }, { label: "Impor dari Excel" }]} />}
        title="Impor Kerja Sama Arsip dari Excel"
        description="Catat sekaligus banyak kerja sama yang sudah ditandatangani sebelum SIKERDA digunakan. Setiap baris diperiksa lebih dulu; tidak ada yang diimpor sampai seluruh berkas benar."
      />
      <div className="space-y-6">
        <section className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm" aria-labelledby="langkah-templat">
          <h2 id="langkah-templat" className="text-base font-semibold text-slate-900">Langkah 1: unduh dan isi templat</h2>
          <p className="mt-1 text-sm text-slate-700">
            Templat berisi lembar <strong>Data</strong> (satu baris per kerja sama, {IMPORT_COLUMNS.length} kolom, dengan satu baris contoh dan
            daftar pilihan untuk jenis, kelas mitra, OPD, dan kode lainnya), lembar <strong>Daftar</strong>, dan lembar{" "}
            <strong>Petunjuk</strong> yang menjelaskan setiap kolom. Hapus baris contoh sebelum mengunggah.
          </p>
          <ul className="mt-3 list-disc space-y-1 pl-5 text-sm text-slate-700">
            <li>Nomor naskah pihak daerah yang sudah tercatat ditolak per baris, sehingga berkas yang sama tidak terimpor dua kali.</li>
            <li>Nama mitra ditulis persis seperti di menu Mitra. Nama baru menjadi mitra baru yang menunggu konfirmasi; nama yang sangat mirip mitra terdaftar ditolak agar tidak terjadi data ganda.</li>
            <li>PDF naskah tidak ikut diimpor. Kerja sama yang ditandatangani pejabat dengan surat kuasa didaftarkan melalui formulir agar surat kuasanya terlampir.</li>
          </ul>
          <p className="mt-4">
            <a href="/api/arsip/impor/templat" download className="inline-flex items-center rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700">
              Unduh Templat Excel
            </a>
          </p>
        </section>
        <ImportClient />
        {can(actor, "legacy.register") && (
          <p className="text-sm text-slate-700">
            Hanya satu kerja sama, beserta PDF naskahnya?{" "}
            <Link href="/kerja-sama/arsip/baru" className="font-semibold text-brand-800 underline hover:text-brand-950">Gunakan formulir Kerja Sama Arsip</Link>.
          </p>
        )}
      </div>
    </>
  );
}
