import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PartnerForm, type PartnerFormValues } from "@/components/partners/partner-form";
import { Breadcrumbs, PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { updatePartnerAction } from "../../actions";

export const metadata: Metadata = { title: "Ubah Data Mitra" };

const FIELDS = [
  "name", "partnerClass", "universityStatus", "legalForm", "registrationNumber", "address", "province", "regency", "country",
  "email", "phone", "website", "contact1Name", "contact1Position", "contact1Phone", "contact1Email",
  "contact2Name", "contact2Position", "contact2Phone", "contact2Email",
] as const;

export default async function UbahMitraPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission("partner.manage");
  const { id } = await params;
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) notFound();
  const partner = await getDb().partner.findFirst({ where: { id, deletedAt: null } });
  if (!partner) notFound();
  const values: PartnerFormValues = Object.fromEntries(FIELDS.map((f) => [f, partner[f] ?? undefined]));
  return (
    <>
      <PageHeader
        breadcrumb={
          <Breadcrumbs items={[{ label: "Beranda", href: "/beranda" }, { label: "Mitra", href: "/mitra" }, { label: partner.name, href: `/mitra/${partner.id}` }, { label: "Ubah" }]} />
        }
        title="Ubah Data Mitra"
        description={
          partner.verified
            ? "Perubahan nama dan kelas berlaku pada semua usulan dan naskah mitra ini; kelas harus tetap sesuai dengan jenis kerja sama yang sudah tercatat."
            : "Mitra ini diajukan OPD dan belum dikonfirmasi. Lengkapi datanya, lalu konfirmasi di halaman mitra."
        }
      />
      <PartnerForm action={updatePartnerAction} partner={{ id: partner.id, version: partner.updatedAt.toISOString(), values }} cancelHref={`/mitra/${partner.id}`} />
    </>
  );
}
