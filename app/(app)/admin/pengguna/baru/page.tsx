import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { Breadcrumbs, PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { listActiveOpdOptions } from "@/lib/opd/queries";
import { createUserAction } from "../actions";
import { UserForm } from "../user-form";

export const metadata: Metadata = { title: "Tambah Pengguna" };

export default async function TambahPenggunaPage() {
  await requirePermission("user.manage");
  const opdOptions = await listActiveOpdOptions();
  return (
    <>
      <PageHeader
        breadcrumb={
          <Breadcrumbs
            items={[
              { label: "Beranda", href: "/beranda" },
              { label: "Pengguna", href: "/admin/pengguna" },
              { label: "Tambah Pengguna" },
            ]}
          />
        }
        title="Tambah Pengguna"
        description="Buat akun untuk petugas. Pengguna masuk dengan nama pengguna dan kata sandi awal yang Anda tetapkan di sini."
      />
      <Card title="Data pengguna">
        <UserForm action={createUserAction} opdOptions={opdOptions} />
      </Card>
    </>
  );
}
