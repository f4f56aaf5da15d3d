"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { MouseEvent } from "react";
import { cn } from "@/components/ui/cn";
import { Icon } from "@/components/ui/icons";
import type { NavItem } from "./nav-items";

function isCurrent(pathname: string, href: string): boolean {
  return pathname === href || pathname.startsWith(`${href}/`);
}

// In the mobile <details> menu, close it once a link is chosen (the layout persists across navigations).
function closeMenu(event: MouseEvent<HTMLAnchorElement>) {
  event.currentTarget.closest("details")?.removeAttribute("open");
}

/** Main navigation. Items come pre-filtered for the user's role (navItemsFor). */
export function MainNav({ items }: { items: readonly NavItem[] }) {
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
                className={cn(
                  "flex min-h-10 items-center gap-3 rounded-md border-l-4 px-3 py-2 text-sm font-medium",
                  current
                    ? "border-brand-700 bg-brand-50 font-semibold text-brand-900"
                    : "border-transparent text-slate-700 hover:bg-slate-100 hover:text-slate-900",
                )}
              >
                {item.icon && (
                  <Icon name={item.icon} className={cn("size-5 shrink-0", current ? "text-brand-700" : "text-slate-500")} />
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
