import Form from "next/form";
import type { ReactNode } from "react";
import { Button, LinkButton } from "./button";
import { cn } from "./cn";

export type FilterBarProps = {
  /** The list's own path: the form submits there with GET (filters live in the URL). */
  action: string;
  /** Accessible name of the search landmark, e.g. "Cari dan saring usulan". */
  label: string;
  /** Whether any filter is active (shows "Atur Ulang"). */
  filtered: boolean;
  /**
   * Changes whenever the URL's filters change: the form is re-mounted, so "Atur Ulang" and
   * back/forward show the fields of the URL instead of what was typed before.
   */
  filterKey: string;
  /** Grid columns from xl up, e.g. "xl:grid-cols-[2fr_1.5fr_1.5fr_auto]". */
  columns?: string;
  submitLabel?: string;
  children: ReactNode;
};

/** Search/filter form of every list page: fields, "Terapkan", and "Atur Ulang" when filtered. */
export function FilterBar({ action, label, filtered, filterKey, columns, submitLabel = "Terapkan", children }: FilterBarProps) {
  return (
    <Form
      key={filterKey}
      action={action}
      role="search"
      aria-label={label}
      className={cn("mb-6 grid gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm md:grid-cols-2", columns)}
    >
      {children}
      <div className="flex items-end gap-2">
        <Button type="submit" variant="secondary">
          {submitLabel}
        </Button>
        {filtered && (
          <LinkButton href={action} variant="ghost">
            Atur Ulang
          </LinkButton>
        )}
      </div>
    </Form>
  );
}
