import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Breadcrumbs, PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { EmailStatusBadge } from "@/components/notifications/email-status";
import { requirePermission } from "@/lib/auth/session";
import { formatTanggalWaktu } from "@/lib/format";
import { NOTIFICATION_KIND_LABELS, notificationHref } from "@/lib/notifications/kinds";
import { listNotifications, PAGE_SIZE, unreadCount } from "@/lib/notifications/queries";
import { getSettings } from "@/lib/settings/service";
import { markAllReadAction, markReadAction } from "./actions";
import { MarkAllReadForm, MarkReadForm } from "./read-forms";

export const metadata: Metadata = { title: "Notifikasi" };

type Props = { searchParams: Promise<{ page?: string; belum?: string }> };

export default async function NotifikasiPage({ searchParams }: Props) {
  const user = await requirePermission("notification.read");
  const sp = await searchParams;
  const page = Math.max(1, Math.min(1_000, Number.parseInt(sp.page ?? "1", 10) || 1));
  const unreadOnly = sp.belum === "1";
  const [settings, { items, total }, unread] = await Promise.all([
    getSettings(), listNotifications(user, { page, unreadOnly }), unreadCount(user),
  ]);
  const tz = settings.region.timeZone;
  return (
    <>
      <PageHeader
        breadcrumb={<Breadcrumbs items={[{ label: "Beranda", href: "/beranda" }, { label: "Notifikasi" }]} />}
        title="Notifikasi"
        description="Pengingat dan pemberitahuan untuk Anda: usulan yang menunggu tindakan, kerja sama yang akan berakhir, dan laporan yang jatuh tempo."
        meta={<Badge tone={unread > 0 ? "warning" : "neutral"}>{unread > 99 ? "99+" : unread} belum dibaca</Badge>}
        actions={unread > 0 ? <MarkAllReadForm action={markAllReadAction} /> : undefined}
      />
      <nav aria-label="Saring notifikasi" className="mb-4 flex gap-2 text-sm">
        <Link href="/notifikasi" aria-current={!unreadOnly ? "page" : undefined}
          className={`rounded-md px-3 py-2 font-semibold ${!unreadOnly ? "bg-brand-700 text-white" : "border border-slate-300 bg-white text-slate-800"}`}>
          Semua
        </Link>
        <Link href="/notifikasi?belum=1" aria-current={unreadOnly ? "page" : undefined}
          className={`rounded-md px-3 py-2 font-semibold ${unreadOnly ? "bg-brand-700 text-white" : "border border-slate-300 bg-white text-slate-800"}`}>
          Belum dibaca
        </Link>
      </nav>
      {items.length === 0 ? (
        <EmptyState
          title={unreadOnly ? "Semua notifikasi sudah dibaca" : "Belum ada notifikasi"}
          description="Notifikasi muncul di sini saat usulan menunggu tindakan Anda, kerja sama akan berakhir, atau laporan jatuh tempo."
        />
      ) : (
        <ul className="space-y-3" aria-label="Daftar notifikasi">
          {items.map((n) => {
            const href = notificationHref(n);
            return (
              <li key={n.id} className={`rounded-lg border bg-white p-4 ${n.readAt ? "border-slate-200" : "border-l-4 border-brand-700"}`}>
                <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
                  <div className="min-w-0 space-y-1">
                    <p className="flex flex-wrap items-center gap-2 text-xs text-slate-600">
                      {!n.readAt && <Badge tone="brand">Baru</Badge>}
                      <span>{NOTIFICATION_KIND_LABELS[n.kind]}</span>
                      <span aria-hidden="true">·</span>
                      <span>{formatTanggalWaktu(n.createdAt, tz)}</span>
                    </p>
                    <h2 className="text-base font-semibold text-slate-900">
                      {href ? <Link href={href} className="underline-offset-2 hover:underline">{n.title}</Link> : n.title}
                    </h2>
                    <p className="text-sm text-slate-700">{n.body}</p>
                    {n.email && <EmailStatusBadge email={n.email} timeZone={tz} />}
                  </div>
                  {!n.readAt && <MarkReadForm action={markReadAction} id={n.id} title={n.title} />}
                </div>
              </li>
            );
          })}
        </ul>
      )}
      <Pagination
        className="mt-4" page={page} totalPages={Math.max(1, Math.ceil(total / PAGE_SIZE))} pathname="/notifikasi"
        searchParams={unreadOnly ? { belum: "1" } : {}} totalItems={total} pageSize={PAGE_SIZE}
      />
    </>
  );
}
