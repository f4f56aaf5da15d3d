import type { ReactNode } from "react";
import { cn } from "./cn";

export type BadgeTone = "neutral" | "brand" | "info" | "success" | "warning" | "danger";

// Text carries the meaning; colour only reinforces it. All pairs ≥ 4.5:1 (the tones: .badge-* in
// app/globals.css — one short class each, since a badge sits on every row of every list).
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
      className={cn("badge", wrap && "badge-wrap", `badge-${tone}`, className)}
    >
      {children}
    </span>
  );
}
