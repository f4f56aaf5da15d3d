"use client";

import Link from "@/components/ui/link";
import { usePathname } from "next/navigation";
import type { MouseEvent, ReactElement } from "react";

/** Icons arrive pre-rendered from the server (<Icon/>), so the icon table stays out of the JS bundle. */
export type MainNavItem = { href: string; label: string; icon?: ReactElement };

function isCurrent(pathname: string, href: string): boolean {
  return pathname === href || pathname.startsWith(`${href}/`);
}

// In the mobile <details> menu, close it once a link is chosen (the layout persists across navigations).
function closeMenu(event: MouseEvent<HTMLAnchorElement>) {
  event.currentTarget.closest("details")?.removeAttribute("open");
}

const BASE = "group flex min-h-10 items-center gap-3 rounded-md border-l-4 px-3 py-2 text-sm";
const CURRENT = " border-brand-700 bg-brand-50 font-semibold text-brand-900";
const OTHER = " border-transparent font-medium text-slate-700 hover:bg-slate-100 hover:text-slate-900";

/** Main navigation; use via <AppShell>. The current page is marked by aria-current, a bar and bold text. */
export function MainNav({ items }: { items: readonly MainNavItem[] }) {
  const pathname = usePathname() ?? "";
  return (
    <nav aria-label="Navigasi utama">
      <ul className="space-y-1">
        {items.map((item) => {
          const current = isCurrent(pathname, item.href);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={current ? "page" : undefined}
                onClick={closeMenu}
                className={BASE + (current ? CURRENT : OTHER)}
              >
                {item.icon && (
                  <span className="shrink-0 text-slate-500 group-aria-[current=page]:text-brand-700">{item.icon}</span>
                )}
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
