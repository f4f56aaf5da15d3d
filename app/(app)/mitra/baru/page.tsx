import type { Metadata } from "next";
import { PartnerForm } from "@/components/partners/partner-form";
import { Breadcrumbs, PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { createPartnerAction } from "../actions";

export const metadata: Metadata = { title: "Mitra Baru" };

export default async function MitraBaruPage() {
  await requirePermission("partner.manage");
  return (
    <>
      <PageHeader
        breadcrumb={<Breadcrumbs items={[{ label: "Beranda", href: "/beranda" }, { label: "Mitra", href: "/mitra" }, { label: "Mitra Baru" }]} />}
        title="Mitra Baru"
        description="Mitra yang didaftarkan Bagian Kerja Sama langsung terverifikasi dan dapat dipilih semua OPD. Dokumen legal (akta, NIB, SK) diunggah di halaman mitra setelah disimpan."
      />
      <PartnerForm action={createPartnerAction} cancelHref="/mitra" />
    </>
  );
}
