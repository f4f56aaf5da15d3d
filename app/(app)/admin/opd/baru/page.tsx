import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { Breadcrumbs, PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { createOpdAction } from "../actions";
import { OpdForm } from "../opd-form";

export const metadata: Metadata = { title: "Tambah OPD" };

export default async function TambahOpdPage() {
  await requirePermission("opd.manage");
  return (
    <>
      <PageHeader
        breadcrumb={
          <Breadcrumbs
            items={[
              { label: "Beranda", href: "/beranda" },
              { label: "Perangkat Daerah", href: "/admin/opd" },
              { label: "Tambah OPD" },
            ]}
          />
        }
        title="Tambah OPD"
        description="Daftarkan perangkat daerah agar dapat dipilih untuk akun Operator OPD dan Kepala OPD."
      />
      <Card title="Data OPD">
        <OpdForm action={createOpdAction} />
      </Card>
    </>
  );
}
