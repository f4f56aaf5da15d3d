import { Badge } from "@/components/ui/badge";
import { formatTanggalWaktu } from "@/lib/format";
import type { EmailStatus } from "@/lib/generated/prisma/enums";

export type EmailInfo = { status: EmailStatus; attempts: number; lastError: string | null; sentAt: Date | null; toAddress: string };

/** The e-mail status of one notification, in words: sent, waiting (with the last error), or failed with the reason. */
export function EmailStatusBadge({ email, timeZone }: { email: EmailInfo; timeZone: string }) {
  if (email.status === "TERKIRIM") {
    return (
      <p className="text-xs text-slate-600">
        <Badge tone="success">E-mail terkirim</Badge> ke {email.toAddress}
        {email.sentAt && <> pada {formatTanggalWaktu(email.sentAt, timeZone)}</>}
      </p>
    );
  }
  if (email.status === "GAGAL") {
    return (
      <p className="text-xs text-slate-700">
        <Badge tone="danger">E-mail gagal</Badge> ke {email.toAddress} setelah {email.attempts} kali percobaan. Alasan: {email.lastError ?? "tidak diketahui"}
      </p>
    );
  }
  return (
    <p className="text-xs text-slate-600">
      <Badge tone="neutral">E-mail menunggu dikirim</Badge> ke {email.toAddress}
      {email.attempts > 0 && <> (percobaan ke-{email.attempts} gagal: {email.lastError}; akan dicoba lagi)</>}
    </p>
  );
}
