import type { Metadata } from "next";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { LinkButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Breadcrumbs, PageHeader } from "@/components/ui/page-header";
import { listOwnSessions } from "@/lib/account/sessions";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { requireAccount } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { formatTanggalWaktu } from "@/lib/format";
import { getSettings } from "@/lib/settings/service";
import { EmailPreferencesForm } from "@/components/notifications/email-preferences-form";
import { can } from "@/lib/auth/policy";
import { smtpStatus } from "@/lib/notifications/mailer";
import { endOtherSessionsAction } from "./actions";
import { setEmailPreferencesAction } from "./email-actions";
import { EndOtherSessionsForm } from "./end-sessions-form";

export const metadata: Metadata = { title: "Akun Saya" };

type Props = { searchParams: Promise<{ tersimpan?: string }> };

/** A short, readable description of a browser from its User-Agent. */
function browserName(ua: string | null): string {
  if (!ua) return "Peramban tidak dikenal";
  const browser = /Edg\//.test(ua) ? "Edge" : /Firefox\//.test(ua) ? "Firefox" : /Chrom(e|ium)\//.test(ua) ? "Chrome" : /Safari\//.test(ua) ? "Safari" : "Peramban";
  const os = /Android/.test(ua) ? "Android" : /iPhone|iPad/.test(ua) ? "iOS" : /Windows/.test(ua) ? "Windows" : /Mac OS X/.test(ua) ? "macOS" : /Linux/.test(ua) ? "Linux" : "";
  return os ? `${browser} di ${os}` : browser;
}

export default async function AkunPage({ searchParams }: Props) {
  const session = await requireAccount();
  const now = new Date();
  const [settings, sp, account, sessions] = await Promise.all([
    getSettings(),
    searchParams,
    getDb().user.findUniqueOrThrow({ where: { id: session.user.id }, select: { passwordChangedAt: true, email: true, emailOptOut: true } }),
    listOwnSessions(session.user.id, session.sessionId, now),
  ]);
  const tz = settings.region.timeZone;
  const { user } = session;
  return (
    <>
      <PageHeader
        breadcrumb={<Breadcrumbs items={[{ label: "Beranda", href: "/beranda" }, { label: "Akun Saya" }]} />}
        title="Akun Saya"
        meta={<Badge tone="brand">{ROLE_LABELS[user.role]}</Badge>}
      />
      <div className="max-w-4xl space-y-6">
        {sp.tersimpan === "sandi" && (
          <Alert tone="success" announce title="Kata sandi telah diganti.">
            Sesi Anda di perangkat lain telah diakhiri.
          </Alert>
        )}
        {sp.tersimpan === "sesi" && <Alert tone="success" announce title="Sesi di perangkat lain telah diakhiri." />}
        {sp.tersimpan === "email" && <Alert tone="success" announce title="Pilihan notifikasi e-mail telah disimpan." />}
        <Card title="Data akun">
          <dl className="grid gap-4 text-sm sm:grid-cols-2">
            <div>
              <dt className="font-semibold text-slate-900">Nama</dt>
              <dd className="text-slate-700">{user.fullName}</dd>
            </div>
            <div>
              <dt className="font-semibold text-slate-900">Nama pengguna</dt>
              <dd className="text-slate-700">{user.username}</dd>
            </div>
            <div>
              <dt className="font-semibold text-slate-900">Peran</dt>
              <dd className="text-slate-700">{ROLE_LABELS[user.role]}</dd>
            </div>
            <div>
              <dt className="font-semibold text-slate-900">OPD</dt>
              <dd className="text-slate-700">{user.opdName ?? "—"}</dd>
            </div>
          </dl>
        </Card>
        <div className="grid gap-6 md:grid-cols-2">
          <Card title="Kata sandi" actions={<LinkButton href="/akun/kata-sandi">Ganti Kata Sandi</LinkButton>}>
            <p className="text-sm text-slate-700">Terakhir diganti {formatTanggalWaktu(account.passwordChangedAt, tz)}.</p>
          </Card>
          <Card
            title="Verifikasi dua langkah"
            actions={<LinkButton href="/akun/verifikasi-dua-langkah">{session.hasSecondFactor ? "Kelola" : "Aktifkan"}</LinkButton>}
          >
            <p className="text-sm text-slate-700">
              {session.hasSecondFactor
                ? "Aktif: masuk memerlukan kode dari aplikasi autentikator."
                : session.secondFactorRequired
                  ? "Belum aktif — wajib untuk peran Anda."
                  : "Belum aktif. Disarankan untuk melindungi akun Anda."}
            </p>
          </Card>
        </div>
        {!session.pending && can(user, "notification.manage") && (
          <Card
            title="Notifikasi e-mail"
            description="Semua notifikasi selalu tampil di aplikasi (ikon lonceng). Pilih yang juga dikirim ke e-mail Anda."
          >
            <p className="mb-4 text-sm text-slate-700">
              {!smtpStatus().enabled
                ? "Pengiriman e-mail belum diaktifkan di server ini; pilihan Anda berlaku setelah diaktifkan."
                : account.email
                  ? `Dikirim ke ${account.email}.`
                  : "Alamat e-mail Anda belum terdaftar: minta administrator mengisinya agar e-mail dapat dikirim."}
            </p>
            <EmailPreferencesForm action={setEmailPreferencesAction} optOut={account.emailOptOut} />
          </Card>
        )}
        <Card title="Sesi aktif" description="Perangkat tempat Anda sedang masuk. Sesi berakhir setelah 8 jam, atau lebih awal bila tidak dipakai.">
          <ul className="divide-y divide-slate-200 text-sm">
            {sessions.map((s) => (
              <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
                <div>
                  <p className="font-semibold text-slate-900">
                    {browserName(s.userAgent)}
                    {s.current && (
                      <Badge tone="success" className="ml-2">
                        Sesi ini
                      </Badge>
                    )}
                  </p>
                  <p className="text-slate-600">
                    Masuk {formatTanggalWaktu(s.createdAt, tz)} · aktivitas terakhir {formatTanggalWaktu(s.lastSeenAt, tz)}
                    {s.ip && s.ip !== "unknown" ? ` · alamat ${s.ip}` : ""}
                  </p>
                </div>
              </li>
            ))}
          </ul>
          {sessions.length > 1 && (
            <div className="mt-4">
              <EndOtherSessionsForm action={endOtherSessionsAction} />
            </div>
          )}
        </Card>
      </div>
    </>
  );
}
