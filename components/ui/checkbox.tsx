import type { ComponentProps, ReactNode } from "react";
import { cn } from "./cn";

export type CheckboxProps = Omit<ComponentProps<"input">, "type"> & {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
};

function Choice({ type, id, label, hint, className, ...props }: CheckboxProps & { type: "checkbox" | "radio" }) {
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className={cn("flex items-start gap-3", className)}>
      <input
        id={id}
        type={type}
        aria-describedby={hintId}
        className="mt-0.5 size-5 shrink-0 cursor-pointer accent-brand-700 disabled:cursor-not-allowed"
        {...props}
      />
      <div className="text-sm">
        <label htmlFor={id} className="cursor-pointer font-medium text-slate-900">
          {label}
        </label>
        {hint && (
          <p id={hintId} className="mt-0.5 text-slate-600">
            {hint}
          </p>
        )}
      </div>
    </div>
  );
}

/** A checkbox with its own clickable label. */
export function Checkbox(props: CheckboxProps) {
  return <Choice type="checkbox" {...props} />;
}

/** A radio option; group several (same `name`, unique `id`) inside <FieldSet>. */
export function Radio(props: CheckboxProps) {
  return <Choice type="radio" {...props} />;
}
