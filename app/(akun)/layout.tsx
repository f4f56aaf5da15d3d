import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { navItemsFor } from "@/components/shell/nav-items";
import { can } from "@/lib/auth/policy";
import { requireAccount } from "@/lib/auth/session";
import { unreadCount } from "@/lib/notifications/queries";
import { getSettings } from "@/lib/settings/service";
import { logoutAction } from "../(app)/actions";

// The account pages: also reachable by a user who must first change their password or enrol a
// second factor (requireAccount). Such a user sees no navigation: nothing else is open to them
// until that step is done (requireUser() sends them back here).
export default async function AccountLayout({ children }: { children: ReactNode }) {
  const session = await requireAccount();
  const { user } = session;
  const [settings, unread] = await Promise.all([getSettings(), session.pending ? 0 : unreadCount(user)]);
  return (
    <AppShell
      regionName={settings.region.name}
      user={{ name: user.fullName, role: user.role, opdName: user.opdName }}
      logoutAction={logoutAction}
      navItems={session.pending ? [] : navItemsFor(user)}
      unreadNotifications={!session.pending && can(user, "notification.read") ? unread : undefined}
    >
      {children}
    </AppShell>
  );
}
