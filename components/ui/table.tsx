import { useId, type ComponentProps, type ReactNode } from "react";
import { cn } from "./cn";

/*
 * Data tables that stay readable everywhere: at desktop widths cells wrap (long names and unbroken
 * titles never push the last column out of view); below the md breakpoint every row becomes a
 * stacked card whose cells carry their column name (TD `label`), so a phone never scrolls sideways.
 */

export type TableProps = Omit<ComponentProps<"table">, "children"> & {
  /** Every data table needs a caption (it names the scroll region too). */
  caption: ReactNode;
  /** Keep the caption for screen readers only, when a visible heading already says it. */
  captionHidden?: boolean;
  children: ReactNode;
};

/**
 * Wrapped in a focusable, labelled region so a table still wider than the screen can be scrolled
 * with the keyboard (axe: scrollable-region-focusable).
 */
export function Table({ caption, captionHidden = false, className, children, ...props }: TableProps) {
  const captionId = useId();
  return (
    <div
      role="region"
      aria-labelledby={captionId}
      tabIndex={0}
      className="overflow-x-auto rounded-lg border border-slate-200 bg-white max-md:overflow-visible max-md:border-0 max-md:bg-transparent"
    >
      <table className={cn("w-full border-collapse text-left text-sm max-md:block", className)} {...props}>
        <caption
          id={captionId}
          className={cn(captionHidden ? "sr-only" : "px-4 py-3 text-left font-semibold text-slate-900 max-md:block max-md:px-0")}
        >
          {caption}
        </caption>
        {children}
      </table>
    </div>
  );
}

export function THead({ className, ...props }: ComponentProps<"thead">) {
  return <thead className={cn("border-b border-slate-300 bg-slate-100 max-md:sr-only", className)} {...props} />;
}

export function TBody({ className, ...props }: ComponentProps<"tbody">) {
  return <tbody className={cn("divide-y divide-slate-200 max-md:block max-md:space-y-3 max-md:divide-y-0", className)} {...props} />;
}

export function TR({ className, ...props }: ComponentProps<"tr">) {
  return (
    <tr className={cn("tbl-tr", className)} {...props} />
  );
}

/*
 * On phones a row-header cell shows its column name above its value (.tbl-rh), every other cell
 * beside its value (.tbl-td): short component classes in app/globals.css, because these cells repeat
 * on every row and each class string is sent twice (HTML and RSC payload).
 */

export type THProps = ComponentProps<"th"> & { scope?: "col" | "row" | "colgroup" | "rowgroup"; label?: string };

/** Header cell; `scope` defaults to "col". Use scope="row" for the first cell of a body row. */
export function TH({ scope = "col", label, className, ...props }: THProps) {
  return (
    <th
      scope={scope}
      data-label={label}
      className={cn(scope === "row" ? "tbl-rh" : "px-4 py-3 text-xs font-semibold tracking-wide text-slate-700 uppercase", className)}
      {...props}
    />
  );
}

export type TDProps = ComponentProps<"td"> & {
  /** The column's name, shown above the value when the row is stacked as a card on a phone. */
  label?: string;
};

export function TD({ label, className, children, ...props }: TDProps) {
  return (
    <td data-label={label} className={cn("tbl-td", className)} {...props}>
      {/* One grid item beside the label, however many children the cell has. */}
      <div className="tbl-v">{children}</div>
    </td>
  );
}
