import type { ReactNode } from "react";
import { Icon } from "@/components/ui/icons";
import { AppHeader, type AppHeaderProps } from "./app-header";
import { MainNav, type MainNavItem } from "./main-nav";
import type { NavItem } from "./nav-items";

export type AppShellProps = Omit<AppHeaderProps, "children"> & {
  /** Already filtered for the user: navItemsFor(user). */
  navItems: readonly NavItem[];
  children: ReactNode;
};

/**
 * Header + navigation + <main id="konten">. The nav is rendered twice (mobile <details>,
 * desktop sidebar) but only one is ever displayed, so there is one visible "Navigasi utama".
 */
export function AppShell({ user, logoutAction, navItems, children, regionName, unreadNotifications }: AppShellProps) {
  const items: MainNavItem[] = navItems.map(({ href, label, icon }) => ({
    href,
    label,
    icon: icon ? <Icon name={icon} className="block size-5" /> : undefined,
  }));
  // No items (a user who must first change their password or enrol a second factor): no menu at all.
  const hasNav = items.length > 0;
  return (
    <div className="flex min-h-dvh flex-col">
      <AppHeader user={user} logoutAction={logoutAction} regionName={regionName} unreadNotifications={unreadNotifications}>
        {hasNav && (
          <details className="group border-t border-slate-200 lg:hidden">
            <summary className="flex min-h-12 list-none items-center gap-2 px-4 text-sm font-semibold text-slate-800 sm:px-6 [&::-webkit-details-marker]:hidden">
              <Icon name="menu" className="size-5" />
              Menu
              <Icon name="chevronDown" className="ml-auto size-5 transition-transform group-open:rotate-180" />
            </summary>
            <div className="px-3 pb-3 sm:px-5">
              <MainNav items={items} />
            </div>
          </details>
        )}
      </AppHeader>
      <div className="mx-auto flex w-full max-w-screen-2xl flex-1">
        {hasNav && (
          <div className="hidden w-64 shrink-0 border-r border-slate-200 bg-white lg:block">
            <div className="sticky top-0 max-h-dvh overflow-y-auto px-3 py-6">
              <MainNav items={items} />
            </div>
          </div>
        )}
        <main id="konten" tabIndex={-1} className="min-w-0 flex-1 px-4 py-6 sm:px-6 lg:px-8">
          {children}
        </main>
      </div>
    </div>
  );
}
