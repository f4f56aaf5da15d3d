"use client";

import { useFormStatus } from "react-dom";
import { buttonClasses, type ButtonProps } from "./button";

export type SubmitButtonProps = Omit<ButtonProps, "type"> & {
  /** Shown (and announced) while the enclosing form is submitting. */
  pendingLabel?: string;
};

/** Submit button for a <form action={…}>: disabled with a pending label while submitting. */
export function SubmitButton({
  pendingLabel = "Menyimpan…",
  variant = "primary",
  size,
  className,
  disabled,
  children,
  ...props
}: SubmitButtonProps) {
  const { pending } = useFormStatus();
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
