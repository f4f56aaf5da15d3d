import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { LinkButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Breadcrumbs, PageHeader } from "@/components/ui/page-header";
import type { SearchParamsRecord } from "@/components/ui/pagination";
import { requirePermission } from "@/lib/auth/session";
import { getOpd } from "@/lib/opd/queries";
import { OpdForm } from "../opd-form";
import { updateOpdAction } from "../actions";

export const metadata: Metadata = { title: "Ubah OPD" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParamsRecord> };

export default async function UbahOpdPage({ params, searchParams }: Props) {
  const actor = await requirePermission("opd.manage");
  const [{ id }, sp] = await Promise.all([params, searchParams]);
  const opd = await getOpd(actor, id);
  if (!opd) notFound();
  const nf = new Intl.NumberFormat("id-ID");

  return (
    <>
      <PageHeader
        breadcrumb={
          <Breadcrumbs
            items={[
              { label: "Beranda", href: "/beranda" },
              { label: "Perangkat Daerah", href: "/admin/opd" },
              { label: opd.shortName },
            ]}
          />
        }
        title={opd.name}
        meta={
          <>
            <Badge tone={opd.active ? "success" : "neutral"}>{opd.active ? "Aktif" : "Nonaktif"}</Badge>
            <span className="text-sm text-slate-700">
              {nf.format(opd.userCount)} pengguna, {nf.format(opd.activeUserCount)} aktif
            </span>
          </>
        }
        actions={
          <LinkButton href={`/admin/pengguna?opdId=${encodeURIComponent(opd.id)}`}>Lihat Pengguna OPD Ini</LinkButton>
        }
      />
      {sp.tersimpan === "1" && (
        <Alert tone="success" announce className="mb-6" title="Perubahan data OPD telah disimpan." />
      )}
      <Card title="Data OPD">
        <OpdForm key={opd.updatedAt.toISOString()} action={updateOpdAction} opd={opd} />
      </Card>
    </>
  );
}
