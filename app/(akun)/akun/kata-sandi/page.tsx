import type { Metadata } from "next";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { Breadcrumbs, PageHeader } from "@/components/ui/page-header";
import { requireAccount } from "@/lib/auth/session";
import { changePasswordAction } from "../actions";
import { ChangePasswordForm } from "./change-password-form";

export const metadata: Metadata = { title: "Ganti Kata Sandi" };

export default async function GantiKataSandiPage() {
  const session = await requireAccount();
  const forced = session.pending === "change-password";
  return (
    <>
      <PageHeader
        breadcrumb={
          forced ? undefined : (
            <Breadcrumbs items={[{ label: "Beranda", href: "/beranda" }, { label: "Akun Saya", href: "/akun" }, { label: "Ganti Kata Sandi" }]} />
          )
        }
        title="Ganti Kata Sandi"
        description="Kata sandi baru berlaku segera. Sesi Anda di perangkat lain diakhiri; sesi ini tetap berjalan."
      />
      {forced && (
        <Alert tone="warning" className="mb-6 max-w-xl" title="Ganti kata sandi sebelum melanjutkan">
          Kata sandi Anda ditetapkan oleh administrator. Demi keamanan, pilih kata sandi Anda sendiri sebelum menggunakan
          SIKERDA.
        </Alert>
      )}
      <Card className="max-w-xl">
        <ChangePasswordForm action={changePasswordAction} />
      </Card>
    </>
  );
}
