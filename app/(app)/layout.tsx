import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { navItemsFor } from "@/components/shell/nav-items";
import { can } from "@/lib/auth/policy";
import { requireUser } from "@/lib/auth/session";
import { unreadCount } from "@/lib/notifications/queries";
import { getSettings } from "@/lib/settings/service";
import { logoutAction } from "./actions";

// Layouts are not re-rendered on client navigation: every page also calls requireUser()/
// requirePermission() itself (cached per request), so the check runs on each request.
export default async function AppLayout({ children }: { children: ReactNode }) {
  // The session check comes first: it reads cookies, which also keeps every page dynamic.
  const user = await requireUser();
  const [settings, unread] = await Promise.all([getSettings(), unreadCount(user)]);
  return (
    <AppShell
      regionName={settings.region.name}
      user={{ name: user.fullName, role: user.role, opdName: user.opdName }}
      logoutAction={logoutAction}
      navItems={navItemsFor(user)}
      unreadNotifications={can(user, "notification.read") ? unread : undefined}
    >
      {children}
    </AppShell>
  );
}
