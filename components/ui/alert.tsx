import type { ReactNode } from "react";
import { cn } from "./cn";
import { Icon, type IconName } from "./icons";

export type AlertTone = "info" | "success" | "warning" | "error";

const TONES: Record<AlertTone, { box: string; icon: IconName; iconColor: string; label: string }> = {
  info: { box: "border-sky-300 bg-sky-50 text-sky-950", icon: "info", iconColor: "text-sky-700", label: "Informasi" },
  success: {
    box: "border-emerald-300 bg-emerald-50 text-emerald-950",
    icon: "checkCircle",
    iconColor: "text-emerald-700",
    label: "Berhasil",
  },
  warning: {
    box: "border-amber-300 bg-amber-50 text-amber-950",
    icon: "warning",
    iconColor: "text-amber-700",
    label: "Peringatan",
  },
  error: { box: "border-red-300 bg-red-50 text-red-950", icon: "xCircle", iconColor: "text-red-700", label: "Kesalahan" },
};

export type AlertProps = {
  tone?: AlertTone;
  title?: ReactNode;
  children?: ReactNode;
  /**
   * Announce to screen readers when it appears (e.g. a form-level error after submit):
   * error/warning → role="alert", info/success → role="status". Off by default because
   * Next's route announcer already uses role="alert" and static alerts should not shout.
   */
  announce?: boolean;
  className?: string;
};

export function Alert({ tone = "info", title, children, announce = false, className }: AlertProps) {
  const t = TONES[tone];
  const role = announce ? (tone === "error" || tone === "warning" ? "alert" : "status") : undefined;
  return (
    <div role={role} className={cn("flex gap-3 rounded-md border p-4 text-sm", t.box, className)}>
      <Icon name={t.icon} className={cn("mt-0.5 size-5 shrink-0", t.iconColor)} />
      <div className="min-w-0 space-y-1">
        {title ? (
          <p className="font-semibold">
            <span className="sr-only">{t.label}: </span>
            {title}
          </p>
        ) : (
          <span className="sr-only">{t.label}: </span>
        )}
        {children && <div className="leading-relaxed">{children}</div>}
      </div>
    </div>
  );
}
