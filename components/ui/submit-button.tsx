"use client";

import { useFormStatus } from "react-dom";
import { buttonClasses, type ButtonProps } from "./button";

export type SubmitButtonProps = Omit<ButtonProps, "type"> & {
  /** Shown (and announced) while the enclosing form is submitting. */
  pendingLabel?: string;
  /** The form's pending state when the action is called from onSubmit (useFormAction's `pending`). */
  pending?: boolean;
};

/** Submit button for a <form action={…}>: disabled with a pending label while submitting. */
export function SubmitButton({
  pendingLabel = "Menyimpan…",
  variant = "primary",
  size,
  className,
  disabled,
  children,
  pending: pendingProp,
  ...props
}: SubmitButtonProps) {
  const status = useFormStatus();
  const pending = pendingProp ?? status.pending;
  return (
    <>
      <button
        type="submit"
        disabled={disabled || pending}
        aria-busy={pending || undefined}
        className={buttonClasses({ variant, size, className })}
        {...props}
      >
        {pending && (
          <span
            aria-hidden="true"
            className="size-4 animate-spin rounded-full border-2 border-current border-t-transparent"
          />
        )}
        {pending ? pendingLabel : children}
      </button>
      <span role="status" className="sr-only">
        {pending ? pendingLabel : ""}
      </span>
    </>
  );
}
