import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Breadcrumbs, PageHeader } from "@/components/ui/page-header";
import type { SearchParamsRecord } from "@/components/ui/pagination";
import { requirePermission } from "@/lib/auth/session";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { formatNip, formatTanggalWaktu } from "@/lib/format";
import { listActiveOpdOptions } from "@/lib/opd/queries";
import { getSettings } from "@/lib/settings/service";
import { getUser } from "@/lib/users/queries";
import { resetPasswordAction, resetSecondFactorAction, updateUserAction } from "../actions";
import { ResetSecondFactorForm } from "./reset-second-factor-form";
import { UserForm } from "../user-form";
import { ResetPasswordForm } from "./reset-password-form";

export const metadata: Metadata = { title: "Ubah Pengguna" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParamsRecord> };

export default async function UbahPenggunaPage({ params, searchParams }: Props) {
  const actor = await requirePermission("user.manage");
  const [{ id }, sp] = await Promise.all([params, searchParams]);
  const user = await getUser(actor, id);
  if (!user) notFound();
  const [activeOpds, settings] = await Promise.all([listActiveOpdOptions(), getSettings()]);
  const tz = settings.region.timeZone;
  const when = (d: Date | null, none: string) => (d ? formatTanggalWaktu(d, tz) : none);

  // A user may still sit in an OPD that was deactivated after they were: keep it selectable.
  const opdOptions =
    user.opd && !user.opd.active
      ? [...activeOpds, { value: user.opd.id, label: `${user.opd.name} (${user.opd.shortName}) — nonaktif` }]
      : activeOpds;
  const isSelf = user.id === actor.id;
  const initial: Record<string, string> = {
    id: user.id,
    username: user.username,
    fullName: user.fullName,
    nip: user.nip ? formatNip(user.nip) : "",
    email: user.email ?? "",
    role: user.role,
    opdId: user.opdId ?? "",
    active: user.active ? "on" : "",
  };

  return (
    <>
      <PageHeader
        breadcrumb={
          <Breadcrumbs
            items={[
              { label: "Beranda", href: "/beranda" },
              { label: "Pengguna", href: "/admin/pengguna" },
              { label: user.fullName },
            ]}
          />
        }
        title={user.fullName}
        meta={
          <>
            <Badge tone={user.active ? "success" : "neutral"}>{user.active ? "Aktif" : "Nonaktif"}</Badge>
            <Badge tone="brand">{ROLE_LABELS[user.role]}</Badge>
            {user.opd && <span className="text-sm text-slate-700">{user.opd.name}</span>}
          </>
        }
      />
      {sp.tersimpan === "1" && (
        <Alert tone="success" announce className="mb-6" title="Perubahan data pengguna telah disimpan." />
      )}
      {sp.tersimpan === "sandi" && (
        <Alert tone="success" announce className="mb-6" title="Kata sandi telah diatur ulang.">
          Sesi pengguna ini telah diakhiri; ia harus masuk kembali dengan kata sandi baru dan langsung menggantinya.
        </Alert>
      )}
      {sp.tersimpan === "2fa" && (
        <Alert tone="success" announce className="mb-6" title="Verifikasi dua langkah pengguna ini telah diatur ulang.">
          Sesi pengguna ini telah diakhiri. Bila perannya mewajibkan, ia akan diminta mengaktifkannya kembali saat masuk.
        </Alert>
      )}
      <div className="grid gap-6 xl:grid-cols-[2fr_1fr]">
        <div className="space-y-6">
          <Card title="Data pengguna">
            <Alert tone="info" className="mb-5">
              Mengubah peran atau OPD, atau menonaktifkan akun, mengakhiri sesi pengguna ini: ia harus masuk kembali
              pada permintaan berikutnya.
            </Alert>
            <UserForm
              key={user.updatedAt.toISOString()}
              action={updateUserAction}
              user={initial}
              opdOptions={opdOptions}
              isSelf={isSelf}
            />
          </Card>
          <Card
            title="Atur Ulang Kata Sandi"
            description="Tetapkan kata sandi baru bila pengguna lupa kata sandinya atau akunnya terkunci. Semua sesi pengguna ini berakhir."
          >
            {isSelf && (
              <Alert tone="warning" className="mb-5">
                Ini akun Anda sendiri: setelah kata sandi diatur ulang, Anda harus masuk kembali.
              </Alert>
            )}
            <ResetPasswordForm action={resetPasswordAction} userId={user.id} />
          </Card>
          <Card
            title="Verifikasi Dua Langkah"
            description="Bila pengguna kehilangan ponsel dan kode pemulihannya, hapus verifikasi dua langkahnya. Semua sesi pengguna ini berakhir; tindakan ini dicatat."
          >
            <p className="mb-4 text-sm text-slate-700">
              Status:{" "}
              {user.totpEnabledAt ? (
                <Badge tone="success">Aktif sejak {when(user.totpEnabledAt, "—")}</Badge>
              ) : (
                <Badge tone="neutral">Belum aktif</Badge>
              )}
            </p>
            {user.totpEnabledAt && <ResetSecondFactorForm action={resetSecondFactorAction} userId={user.id} />}
          </Card>
        </div>
        <Card title="Aktivitas masuk" titleAs="h2">
          <dl className="space-y-3 text-sm">
            <div>
              <dt className="font-semibold text-slate-900">Masuk terakhir</dt>
              <dd className="text-slate-700">{when(user.lastLoginAt, "Belum pernah masuk")}</dd>
            </div>
            <div>
              <dt className="font-semibold text-slate-900">Gagal masuk berturut-turut</dt>
              <dd className="text-slate-700">{user.failedLoginCount.toLocaleString("id-ID")} kali</dd>
            </div>
            <div>
              <dt className="font-semibold text-slate-900">Gagal masuk terakhir</dt>
              <dd className="text-slate-700">{when(user.lastFailedLoginAt, "Tidak ada")}</dd>
            </div>
            <div>
              <dt className="font-semibold text-slate-900">Kata sandi terakhir diubah</dt>
              <dd className="text-slate-700">
                {when(user.passwordChangedAt, "—")}
                {user.mustChangePassword && " (ditetapkan administrator; wajib diganti saat masuk)"}
              </dd>
            </div>
            <div>
              <dt className="font-semibold text-slate-900">Akun dibuat</dt>
              <dd className="text-slate-700">{when(user.createdAt, "—")}</dd>
            </div>
          </dl>
        </Card>
      </div>
    </>
  );
}
