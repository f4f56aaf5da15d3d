import type { ReactNode } from "react";
import { cn } from "./cn";

export type CardProps = {
  title?: ReactNode;
  /** Heading level of the title; default h2 (pages own the h1). */
  titleAs?: "h2" | "h3" | "h4";
  description?: ReactNode;
  /** Buttons/links shown at the right of the header. */
  actions?: ReactNode;
  footer?: ReactNode;
  /** Remove body padding, e.g. for a full-bleed table. */
  flush?: boolean;
  className?: string;
  children?: ReactNode;
};

export function Card({
  title,
  titleAs: Heading = "h2",
  description,
  actions,
  footer,
  flush = false,
  className,
  children,
}: CardProps) {
  const hasHeader = Boolean(title || description || actions);
  return (
    <section className={cn("rounded-lg border border-slate-200 bg-white shadow-sm", className)}>
      {hasHeader && (
        <div className="flex flex-wrap items-start justify-between gap-3 border-b border-slate-200 px-5 py-4">
          <div className="min-w-0 space-y-1">
            {title && <Heading className="text-base font-semibold text-slate-900">{title}</Heading>}
            {description && <p className="text-sm text-slate-600">{description}</p>}
          </div>
          {actions && <div className="flex flex-wrap items-center gap-2">{actions}</div>}
        </div>
      )}
      {children !== undefined && <div className={flush ? undefined : "px-5 py-4"}>{children}</div>}
      {footer && <div className="border-t border-slate-200 bg-slate-50 px-5 py-3 rounded-b-lg">{footer}</div>}
    </section>
  );
}
