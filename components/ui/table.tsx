import { useId, type ComponentProps, type ReactNode } from "react";
import { cn } from "./cn";

export type TableProps = Omit<ComponentProps<"table">, "children"> & {
  /** Every data table needs a caption (it names the scroll region too). */
  caption: ReactNode;
  /** Keep the caption for screen readers only, when a visible heading already says it. */
  captionHidden?: boolean;
  children: ReactNode;
};

/**
 * Wrapped in a focusable, labelled region so a table wider than the screen can be
 * scrolled with the keyboard (axe: scrollable-region-focusable).
 */
export function Table({ caption, captionHidden = false, className, children, ...props }: TableProps) {
  const captionId = useId();
  return (
    <div
      role="region"
      aria-labelledby={captionId}
      tabIndex={0}
      className="overflow-x-auto rounded-lg border border-slate-200 bg-white"
    >
      <table className={cn("w-full border-collapse text-left text-sm", className)} {...props}>
        <caption
          id={captionId}
          className={cn(captionHidden ? "sr-only" : "px-4 py-3 text-left font-semibold text-slate-900")}
        >
          {caption}
        </caption>
        {children}
      </table>
    </div>
  );
}

export function THead({ className, ...props }: ComponentProps<"thead">) {
  return <thead className={cn("border-b border-slate-300 bg-slate-100", className)} {...props} />;
}

export function TBody({ className, ...props }: ComponentProps<"tbody">) {
  return <tbody className={cn("divide-y divide-slate-200", className)} {...props} />;
}

export function TR({ className, ...props }: ComponentProps<"tr">) {
  return <tr className={cn("align-top", className)} {...props} />;
}

export type THProps = ComponentProps<"th"> & { scope?: "col" | "row" | "colgroup" | "rowgroup" };

/** Header cell; `scope` defaults to "col". Use scope="row" for the first cell of a body row. */
export function TH({ scope = "col", className, ...props }: THProps) {
  return (
    <th
      scope={scope}
      className={cn(
        scope === "row" ? "font-medium text-slate-900" : "text-xs font-semibold tracking-wide text-slate-700 uppercase",
        "px-4 py-3",
        className,
      )}
      {...props}
    />
  );
}

export function TD({ className, ...props }: ComponentProps<"td">) {
  return <td className={cn("px-4 py-3 text-slate-800", className)} {...props} />;
}
