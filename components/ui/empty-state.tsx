import type { ReactNode } from "react";
import { cn } from "./cn";
import { Icon, type IconName } from "./icons";

export type EmptyStateProps = {
  title: ReactNode;
  /** Say why it is empty and what to do next. */
  description: ReactNode;
  /** e.g. <LinkButton variant="primary" href="/usulan/baru">Buat Usulan</LinkButton> */
  action?: ReactNode;
  icon?: IconName;
  titleAs?: "h2" | "h3";
  className?: string;
};

export function EmptyState({
  title,
  description,
  action,
  icon = "inbox",
  titleAs: Heading = "h2",
  className,
}: EmptyStateProps) {
  return (
    <div
      className={cn(
        "flex flex-col items-center rounded-lg border border-dashed border-slate-300 bg-white px-6 py-10 text-center",
        className,
      )}
    >
      <Icon name={icon} className="size-10 text-slate-500" />
      <Heading className="mt-3 text-base font-semibold text-slate-900">{title}</Heading>
      <div className="mt-1 max-w-prose text-sm text-slate-600">{description}</div>
      {action && <div className="mt-5 flex flex-wrap justify-center gap-2">{action}</div>}
    </div>
  );
}
