import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { Alert } from "@/components/ui/alert";
import { Breadcrumbs, PageHeader } from "@/components/ui/page-header";
import type { SearchParamsRecord } from "@/components/ui/pagination";
import { can } from "@/lib/auth/policy";
import { requirePermission } from "@/lib/auth/session";
import { listPartnerOptions } from "@/lib/cases/queries";
import type { CaseKind } from "@/lib/generated/prisma/enums";
import { listActiveOpdOptions } from "@/lib/opd/queries";
import { getSettings } from "@/lib/settings/service";
import { KIND_LABELS } from "@/lib/workflow";
import { requestPartnerAction } from "../../../usulan/actions";
import { isCaseKind, KIND_ORDER } from "../../../usulan/options";
import { registerArchiveAction } from "../actions";
import { ArchiveForm } from "./archive-form";

export const metadata: Metadata = { title: "Kerja Sama Arsip" };

const NASKAH_OF: Record<CaseKind, string> = {
  KSDD: "Kesepakatan Bersama dan PKS", KSDPK: "Kesepakatan Bersama dan PKS", SINERGI: "Nota Kesepakatan (dengan Rencana Kerja)",
  KSDPL: "MoU, dengan keputusan DPRD", KSDLL: "MoU, dengan keputusan DPRD",
};

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function KerjaSamaArsipPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const actor = await requirePermission("legacy.register");
  const jenis = first((await searchParams).jenis);
  const kind = isCaseKind(jenis) ? jenis : null;
  const crumbs = [
    { label: "Beranda", href: "/beranda" },
    { label: "Kerja Sama", href: "/kerja-sama" },
    ...(kind ? [{ label: "Kerja Sama Arsip", href: "/kerja-sama/arsip/baru" }, { label: kind }] : [{ label: "Kerja Sama Arsip" }]),
  ];
  const description =
    "Daftarkan kerja sama yang sudah ditandatangani sebelum SIKERDA digunakan. Kerja sama langsung tercatat sebagai berlaku, beserta nomor, penandatangan, jangka waktu, dan PDF naskahnya.";

  if (!kind) {
    return (
      <>
        <PageHeader breadcrumb={<Breadcrumbs items={crumbs} />} title="Kerja Sama Arsip" description={description} />
        {jenis && <Alert tone="warning" className="mb-6" title="Jenis kerja sama tidak dikenal.">Pilih salah satu jenis di bawah ini.</Alert>}
        <nav aria-labelledby="pilih-jenis-arsip">
          <h2 id="pilih-jenis-arsip" className="mb-1 text-lg font-semibold text-slate-900">Langkah 1 dari 2: pilih jenis kerja sama</h2>
          <p className="mb-4 text-sm text-slate-600">Jenis menentukan naskah yang dicatat.</p>
          <ul className="grid gap-3 md:grid-cols-2">
            {KIND_ORDER.map((k) => (
              <li key={k}>
                <Link href={`/kerja-sama/arsip/baru?jenis=${k}`} className="block h-full rounded-lg border border-slate-300 bg-white p-4 shadow-sm hover:border-brand-700 hover:bg-brand-50">
                  <span className="block font-semibold text-brand-800">{KIND_LABELS[k]} <span className="font-mono text-sm text-slate-600">({k})</span></span>
                  <span className="mt-1 block text-sm text-slate-700">Naskah: {NASKAH_OF[k]}.</span>
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        {can(actor, "legacy.import") && (
          <p className="mt-6 text-sm text-slate-700">
            Banyak kerja sama sekaligus?{" "}
            <Link href="/kerja-sama/impor" className="font-semibold text-brand-800 underline hover:text-brand-950">Impor dari berkas Excel</Link>.
          </p>
        )}
      </>
    );
  }

  const [partners, opdOptions, settings] = await Promise.all([listPartnerOptions(actor), listActiveOpdOptions(), getSettings()]);
  return (
    <>
      <PageHeader breadcrumb={<Breadcrumbs items={crumbs} />} title={`Kerja Sama Arsip: ${kind}`} description={`${KIND_LABELS[kind]}. Naskah: ${NASKAH_OF[kind]}.`} />
      <p className="mb-6 text-sm text-slate-600">
        Langkah 2 dari 2. Isian bertanda (wajib) harus lengkap. Pemeriksaan sama dengan penandatanganan di SIKERDA: tanggal tidak
        boleh sesudah hari ini, PKS di dalam jangka waktu KB dan paling lama {settings.pksMaxYears} tahun kecuali ada dasar hukumnya.
      </p>
      <ArchiveForm
        kind={kind}
        action={registerArchiveAction}
        requestPartnerAction={requestPartnerAction}
        partners={partners}
        opdOptions={opdOptions}
        ptnBhKind={settings.ptnBhKind}
        headTitle={settings.region.headTitle}
      />
    </>
  );
}
