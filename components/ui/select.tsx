import type { ComponentProps } from "react";
import { cn } from "./cn";
import { Icon } from "./icons";
import { controlClasses } from "./input";

export type SelectOption = { value: string; label: string; disabled?: boolean };

export type SelectProps = ComponentProps<"select"> & {
  /** Convenience: rendered after `placeholder` and before any `children`. */
  options?: readonly SelectOption[];
  /** First, empty option (value ""), e.g. "— Pilih OPD —". */
  placeholder?: string;
};

/** Native <select> (keyboard and screen-reader behaviour for free) with a custom chevron. */
export function Select({ className, options, placeholder, children, ...props }: SelectProps) {
  return (
    <div className="relative">
      <select className={cn(controlClasses, "min-h-10 appearance-none pr-10", className)} {...props}>
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options?.map((o) => (
          <option key={o.value} value={o.value} disabled={o.disabled}>
            {o.label}
          </option>
        ))}
        {children}
      </select>
      <Icon
        name="chevronDown"
        className="pointer-events-none absolute top-1/2 right-3 size-4 -translate-y-1/2 text-slate-600"
      />
    </div>
  );
}
