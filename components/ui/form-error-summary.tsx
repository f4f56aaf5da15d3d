"use client";

import { useEffect, useRef } from "react";
import { Alert } from "@/components/ui/alert";
import type { FormState } from "@/lib/validation/admin-extra";

/**
 * Form-level summary after a failed submission (every form of the app): the message, then each field error as a link to
 * its field. It takes focus when a new failure arrives, so keyboard and screen-reader users land on
 * what went wrong instead of on a button that may have been re-rendered.
 */
export function FormErrorSummary({ state, idPrefix }: { state: FormState; idPrefix: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.message) ref.current?.focus();
  }, [state]);
  if (!state.message) return null;
  const errors = Object.entries(state.fieldErrors ?? {});
  return (
    <div ref={ref} tabIndex={-1} className="rounded-md focus:outline-none focus-visible:ring-2 focus-visible:ring-red-700">
      <Alert tone="error" announce title={state.message}>
        {errors.length > 0 && (
          <ul className="list-disc space-y-1 pl-5">
            {errors.map(([field, message]) => (
              <li key={field}>
                {field === "_form" ? (
                  message
                ) : (
                  <a href={`#${idPrefix}-${field}`} className="underline hover:no-underline">
                    {message}
                  </a>
                )}
              </li>
            ))}
          </ul>
        )}
      </Alert>
    </div>
  );
}
