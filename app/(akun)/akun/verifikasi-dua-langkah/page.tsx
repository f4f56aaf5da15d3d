import type { Metadata } from "next";
import QRCode from "qrcode";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Breadcrumbs, PageHeader } from "@/components/ui/page-header";
import { secondFactorStatus } from "@/lib/account/second-factor";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { requireAccount } from "@/lib/auth/session";
import { formatTanggalWaktu } from "@/lib/format";
import { getSettings } from "@/lib/settings/service";
import {
  confirmEnrolmentAction,
  disableSecondFactorAction,
  regenerateRecoveryCodesAction,
  startEnrolmentAction,
} from "../actions";
import { EnrolmentPanel, ProofForm, StartEnrolmentForm } from "./second-factor-forms";

export const metadata: Metadata = { title: "Verifikasi Dua Langkah" };

type Props = { searchParams: Promise<{ nonaktif?: string }> };

/** The secret as authenticator apps show it: groups of four characters. */
const grouped = (secret: string) => secret.match(/.{1,4}/g)?.join(" ") ?? secret;

export default async function VerifikasiDuaLangkahPage({ searchParams }: Props) {
  const session = await requireAccount();
  const [status, settings, sp] = await Promise.all([secondFactorStatus(session.user), getSettings(), searchParams]);
  const required = session.secondFactorRequired;
  // The QR code is an SVG rendered on the server and shown as an <img> with a data: URL
  // (allowed by the CSP's img-src); the secret never leaves the server in any other form.
  const qr = status.pending
    ? `data:image/svg+xml;base64,${Buffer.from(await QRCode.toString(status.pending.uri, { type: "svg", margin: 1, errorCorrectionLevel: "M" })).toString("base64")}`
    : null;

  return (
    <>
      <PageHeader
        breadcrumb={
          session.pending ? undefined : (
            <Breadcrumbs items={[{ label: "Beranda", href: "/beranda" }, { label: "Akun Saya", href: "/akun" }, { label: "Verifikasi Dua Langkah" }]} />
          )
        }
        title="Verifikasi Dua Langkah"
        description="Selain kata sandi, masuk ke SIKERDA memerlukan kode 6 angka dari aplikasi autentikator di ponsel Anda (mis. Google Authenticator, Microsoft Authenticator, atau FreeOTP)."
        meta={
          // During an enrolment the panel itself says when it is done (the page is not reloaded then).
          status.enabled ? <Badge tone="success">Aktif</Badge> : status.pending ? undefined : <Badge tone="neutral">Belum aktif</Badge>
        }
      />
      <div className="max-w-3xl space-y-6">
        {session.pending === "enrol-second-factor" && (
          <Alert tone="warning" title="Aktifkan verifikasi dua langkah untuk melanjutkan">
            Peran {ROLE_LABELS[session.user.role]} wajib memakai verifikasi dua langkah. Halaman lain dapat dibuka setelah
            pengaturan ini selesai.
          </Alert>
        )}
        {sp.nonaktif === "1" && !status.enabled && (
          <Alert tone="success" announce title="Verifikasi dua langkah telah dinonaktifkan.">
            Sesi Anda di perangkat lain telah diakhiri.
          </Alert>
        )}

        {status.enabled ? (
          <>
            <Card title="Status">
              <dl className="grid gap-4 text-sm sm:grid-cols-2">
                <div>
                  <dt className="font-semibold text-slate-900">Aktif sejak</dt>
                  <dd className="text-slate-700">{status.enabledAt ? formatTanggalWaktu(status.enabledAt, settings.region.timeZone) : "—"}</dd>
                </div>
                <div>
                  <dt className="font-semibold text-slate-900">Kode pemulihan tersisa</dt>
                  <dd className="text-slate-700">{status.recoveryCodesLeft} dari 10</dd>
                </div>
              </dl>
              {status.recoveryCodesLeft <= 3 && (
                <Alert tone="warning" className="mt-4">
                  Kode pemulihan Anda hampir habis. Buat kode baru di bawah ini.
                </Alert>
              )}
            </Card>
            <Card
              title="Buat kode pemulihan baru"
              description="Kode lama tidak berlaku lagi. Konfirmasi dengan kata sandi Anda atau kode dari aplikasi autentikator."
            >
              <ProofForm action={regenerateRecoveryCodesAction} id="kode-baru" submitLabel="Buat Kode Pemulihan Baru" showsCodes />
            </Card>
            <Card
              title="Nonaktifkan atau ganti perangkat"
              description="Untuk memindahkan ke ponsel baru, nonaktifkan lalu aktifkan kembali. Sesi Anda di perangkat lain diakhiri."
            >
              {required && (
                <Alert tone="warning" className="mb-5">
                  Peran Anda wajib memakai verifikasi dua langkah: setelah dinonaktifkan, Anda harus segera mengaktifkannya
                  kembali sebelum dapat bekerja.
                </Alert>
              )}
              <ProofForm action={disableSecondFactorAction} id="nonaktifkan" submitLabel="Nonaktifkan Verifikasi Dua Langkah" danger />
            </Card>
          </>
        ) : status.pending && qr ? (
          <EnrolmentPanel
            action={confirmEnrolmentAction}
            qrDataUrl={qr}
            secret={grouped(status.pending.secret)}
            username={session.user.username}
            continueHref="/beranda"
          />
        ) : (
          <Card title="Aktifkan verifikasi dua langkah">
            <div className="space-y-4 text-sm text-slate-700">
              <p>
                Siapkan aplikasi autentikator di ponsel Anda. Setelah menekan tombol di bawah, pindai kode QR yang ditampilkan,
                lalu masukkan kode 6 angka dari aplikasi untuk memastikan semuanya berfungsi.
              </p>
              <p>Anda juga akan menerima 10 kode pemulihan untuk dipakai bila ponsel hilang.</p>
              <StartEnrolmentForm action={startEnrolmentAction} />
            </div>
          </Card>
        )}
      </div>
    </>
  );
}
