import Link from "@/components/ui/link";
import { Icon } from "@/components/ui/icons";

/**
 * The bell in the header: a link to /notifikasi with the number of unread notifications. The
 * count is part of the link's accessible name ("Notifikasi, 3 belum dibaca"), not colour alone.
 */
export function NotificationBell({ unread }: { unread: number }) {
  const shown = unread > 99 ? "99+" : String(unread);
  const label = unread > 0 ? `Notifikasi, ${unread > 99 ? "lebih dari 99" : unread} belum dibaca` : "Notifikasi, tidak ada yang belum dibaca";
  return (
    <Link
      href="/notifikasi"
      aria-label={label}
      title={label}
      className="relative inline-flex size-11 items-center justify-center rounded-md border border-slate-300 bg-white text-slate-700 hover:bg-slate-50"
    >
      <Icon name="bell" className="size-5" />
      {unread > 0 && (
        <span
          aria-hidden="true"
          data-testid="jumlah-notifikasi"
          className="absolute -top-2 -right-2 min-w-6 rounded-full border-2 border-white bg-red-700 px-1.5 text-center text-xs leading-5 font-bold text-white"
        >
          {shown}
        </span>
      )}
    </Link>
  );
}
