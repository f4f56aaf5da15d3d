import Link from "@/components/ui/link";
import type { ReactNode } from "react";
import { ROLE_LABELS, type Role } from "@/lib/auth/roles";
import { buttonClasses } from "@/components/ui/button";
import { Icon } from "@/components/ui/icons";
import { Brand } from "./brand";
import { NotificationBell } from "./notification-bell";

export type ShellUser = { name: string; role: Role; opdName?: string | null };

export type AppHeaderProps = {
  user: ShellUser;
  /** Server action that signs the user out (written by the caller). */
  logoutAction: (formData: FormData) => void | Promise<void>;
  /** Rendered under the bar inside the banner, e.g. the mobile menu. */
  children?: ReactNode;
  regionName?: string;
  /** Unread notifications (the bell); undefined: no bell (a user with a pending account step). */
  unreadNotifications?: number;
};

export function AppHeader({ user, logoutAction, children, regionName, unreadNotifications }: AppHeaderProps) {
  return (
    <header className="border-t-4 border-b border-t-brand-700 border-b-slate-200 bg-white">
      <div className="mx-auto flex max-w-screen-2xl flex-wrap items-center justify-between gap-x-6 gap-y-3 px-4 py-3 sm:px-6">
        <Brand regionName={regionName} />
        <div className="flex items-center gap-4">
          {unreadNotifications !== undefined && <NotificationBell unread={unreadNotifications} />}
          <Link href="/akun" className="rounded text-right text-sm hover:underline" title="Akun Saya: kata sandi, verifikasi dua langkah, sesi">
            <p className="font-semibold text-slate-900">
              {user.name}
              <span className="sr-only"> (Akun Saya)</span>
            </p>
            <p className="text-slate-600">
              {ROLE_LABELS[user.role]}
              {user.opdName && <span> · {user.opdName}</span>}
            </p>
          </Link>
          <form action={logoutAction}>
            <button
              type="submit"
              className={buttonClasses({ variant: "secondary" })}
            >
              <Icon name="logout" className="size-4" />
              Keluar
            </button>
          </form>
        </div>
      </div>
      {children}
    </header>
  );
}
