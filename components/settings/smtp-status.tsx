import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { SmtpStatus } from "@/lib/notifications/mailer";

/**
 * The SMTP status card of /pengaturan (issue 8 §4 "SMTP status"): whether e-mail is on, and over
 * which server — configured by the environment (SMTP_* in .env.example), never on the page.
 * The page passes `smtpStatus()` (lib/notifications/mailer.ts) and the outbox counts.
 */
export function SmtpStatusCard({ status, outbox }: { status: SmtpStatus; outbox?: { waiting: number; failed: number } }) {
  return (
    <Card title="E-mail (SMTP)">
      {status.enabled ? (
        <div className="space-y-2 text-sm text-slate-700">
          <p><Badge tone="success">Aktif</Badge> Notifikasi juga dikirim lewat e-mail kepada pengguna yang memilihnya.</p>
          <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
            <dt className="font-semibold text-slate-900">Server</dt>
            <dd>{status.host}:{status.port} ({status.secure ? "TLS" : "STARTTLS bila tersedia"}{status.authenticated ? ", dengan akun" : ""})</dd>
            <dt className="font-semibold text-slate-900">Pengirim</dt>
            <dd>{status.from}</dd>
            <dt className="font-semibold text-slate-900">Percobaan</dt>
            <dd>paling banyak {status.maxAttempts} kali per pesan</dd>
            {outbox && (
              <>
                <dt className="font-semibold text-slate-900">Antrean</dt>
                <dd>{outbox.waiting} menunggu, {outbox.failed} gagal</dd>
              </>
            )}
          </dl>
        </div>
      ) : (
        <p className="text-sm text-slate-700">
          <Badge tone="neutral">Nonaktif</Badge> SMTP belum dikonfigurasi: notifikasi hanya tampil di aplikasi. Administrator server
          mengaktifkannya dengan variabel lingkungan <code>SMTP_HOST</code>, <code>SMTP_PORT</code>, <code>SMTP_FROM</code> (dan
          <code> SMTP_USER</code>/<code>SMTP_PASSWORD</code> bila perlu).
        </p>
      )}
    </Card>
  );
}
