import Link from "@/components/ui/link";
import type { ReactNode } from "react";
import { Icon } from "./icons";

export type BreadcrumbItem = { label: string; href?: string };

/** Breadcrumb trail; the last item is the current page (no link, aria-current). */
export function Breadcrumbs({ items }: { items: readonly BreadcrumbItem[] }) {
  return (
    <nav aria-label="Jejak navigasi">
      <ol className="flex flex-wrap items-center gap-1 text-sm text-slate-600">
        {items.map((item, i) => {
          const last = i === items.length - 1;
          return (
            <li key={`${i}-${item.label}`} className="flex items-center gap-1">
              {i > 0 && <Icon name="chevronRight" className="size-4 text-slate-400" />}
              {item.href && !last ? (
                <Link href={item.href} className="rounded text-brand-800 underline hover:text-brand-950">
                  {item.label}
                </Link>
              ) : (
                <span aria-current={last ? "page" : undefined} className={last ? "text-slate-800" : undefined}>
                  {item.label}
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

export type PageHeaderProps = {
  title: ReactNode;
  description?: ReactNode;
  /** Primary page actions (e.g. <LinkButton variant="primary">Buat Usulan</LinkButton>). */
  actions?: ReactNode;
  /** Usually <Breadcrumbs items={…} />. */
  breadcrumb?: ReactNode;
  /** Small line under the title, e.g. status badges or a reference number. */
  meta?: ReactNode;
};

export function PageHeader({ title, description, actions, breadcrumb, meta }: PageHeaderProps) {
  return (
    <header className="mb-6 space-y-3">
      {breadcrumb}
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0 space-y-1.5">
          <h1 className="text-2xl font-bold tracking-tight text-balance text-slate-900">{title}</h1>
          {meta && <div className="flex flex-wrap items-center gap-2">{meta}</div>}
          {description && <p className="max-w-3xl text-base text-slate-600">{description}</p>}
        </div>
        {actions && <div className="flex flex-wrap items-center gap-2">{actions}</div>}
      </div>
    </header>
  );
}
