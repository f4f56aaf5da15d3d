import type { ReactNode } from "react";
import { cn } from "./cn";

export type BadgeTone = "neutral" | "brand" | "info" | "success" | "warning" | "danger";

// Text carries the meaning; colour only reinforces it. All pairs ≥ 4.5:1.
const TONES: Record<BadgeTone, string> = {
  neutral: "bg-slate-100 text-slate-800 ring-slate-300",
  brand: "bg-brand-50 text-brand-800 ring-brand-200",
  info: "bg-sky-50 text-sky-800 ring-sky-200",
  success: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  warning: "bg-amber-50 text-amber-900 ring-amber-300",
  danger: "bg-red-50 text-red-800 ring-red-200",
};

export function Badge({
  tone = "neutral",
  className,
  wrap = false,
  children,
}: {
  tone?: BadgeTone;
  className?: string;
  /** Let a long label wrap (in a narrow table column) instead of widening it. */
  wrap?: boolean;
  children: ReactNode;
}) {
  return (
    <span
      className={cn(
        "inline-flex items-center gap-1 rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ring-inset",
        wrap ? "rounded-lg" : "whitespace-nowrap",
        TONES[tone],
        className,
      )}
    >
      {children}
    </span>
  );
}
