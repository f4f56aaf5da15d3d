import type { ComponentProps } from "react";
import { cn } from "./cn";

/** Shared look of text-like controls; invalid state follows `aria-invalid` set by <Field>. */
export const controlClasses = cn(
  "block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base text-slate-900 shadow-sm sm:text-sm",
  "placeholder:text-slate-500 hover:border-slate-500",
  "focus-visible:border-brand-700",
  "disabled:cursor-not-allowed disabled:bg-slate-100 disabled:text-slate-600",
  "aria-invalid:border-red-700 aria-invalid:ring-1 aria-invalid:ring-red-700",
);

export type InputProps = ComponentProps<"input">;

export function Input({ className, type = "text", ...props }: InputProps) {
  return <input type={type} className={cn(controlClasses, "min-h-10", className)} {...props} />;
}
