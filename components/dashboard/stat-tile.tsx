import { cn } from "@/components/ui/cn";
import { nf } from "./labels";

export type StatTone = "brand" | "success" | "warning" | "danger" | "neutral";

const TONES: Record<StatTone, string> = {
  brand: "border-l-brand-700",
  success: "border-l-emerald-600",
  warning: "border-l-amber-500",
  danger: "border-l-rose-600",
  neutral: "border-l-slate-400",
};

/**
 * One number of the dashboard: the whole tile is the link to the register filtered to exactly the
 * rows counted. The accessible name says what the number is and where the link leads.
 */
export function StatTile({ id, label, value, hint, href, tone }: {
  id: string;
  label: string;
  value: number;
  hint: string;
  href: string;
  tone: StatTone;
}) {
  return (
    <li className={cn("rounded-lg border border-l-4 border-slate-200 bg-white shadow-sm", TONES[tone])}>
      <a
        href={href}
        data-testid={`stat-${id}`}
        className="group block h-full rounded-r-lg p-3 sm:p-4 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700"
      >
        <span className="block text-sm font-medium text-slate-700">{label}</span>
        <span className="mt-1 block text-2xl font-bold sm:text-3xl text-slate-900 tabular-nums" data-value={value}>
          {nf.format(value)}
        </span>
        <span className="mt-1 block text-sm text-slate-600">{hint}</span>
        <span className="mt-2 inline-block text-sm font-semibold text-brand-800 underline group-hover:no-underline">
          Lihat daftar<span className="sr-only">: {label}</span>
        </span>
      </a>
    </li>
  );
}
