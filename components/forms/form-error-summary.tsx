"use client";

import { useEffect, useRef } from "react";
import type { FormMetadata } from "@conform-to/react";
import { Alert } from "@/components/ui/alert";
import type { FormReply } from "@/lib/forms/action";

export const INVALID_FORM_MESSAGE = "Data belum disimpan. Periksa kembali isian yang ditandai.";

/**
 * Every error of a form after a submission, at once: the form-level messages (a refusal of the
 * service), then each field's errors as links to the field. It takes focus when a server reply with
 * errors arrives, so keyboard and screen-reader users land on what went wrong.
 */
export function FormErrorSummary({
  form,
  lastResult,
  labels = {},
}: {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  form: FormMetadata<any, string[]>;
  lastResult: FormReply | undefined;
  /** Field name → id of the element to jump to, when it is not conform's `${form.id}-${name}`. */
  labels?: Record<string, string>;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const formErrors = form.errors ?? [];
  const fieldErrors = Object.entries(form.allErrors).filter(([name]) => name !== "" && name !== form.name);
  const shown = (form.status === "error" || Boolean(lastResult?.stale)) && (formErrors.length > 0 || fieldErrors.length > 0);
  // Also when the summary appears one render after the reply (conform takes the reply into its
  // state in an effect): focusing on the reply alone found no element to focus yet.
  useEffect(() => {
    if (shown && lastResult?.status === "error") ref.current?.focus();
  }, [lastResult, shown]);
  if (!shown) return null;
  const title = formErrors.length > 0 ? formErrors[0] : INVALID_FORM_MESSAGE;
  const rest = formErrors.slice(1);
  return (
    <div ref={ref} tabIndex={-1} className="rounded-md focus:outline-none focus-visible:ring-2 focus-visible:ring-red-700">
      <Alert tone="error" announce title={title}>
        {(rest.length > 0 || fieldErrors.length > 0) && (
          <ul className="list-disc space-y-1 pl-5">
            {rest.map((m) => (
              <li key={m}>{m}</li>
            ))}
            {fieldErrors.map(([name, messages]) => (
              <li key={name}>
                <a href={`#${labels[name] ?? `${form.id}-${name}`}`} className="underline hover:no-underline">
                  {messages.join(" ")}
                </a>
              </li>
            ))}
          </ul>
        )}
        {lastResult?.stale && (
          <p className="mt-2">
            <a href="" className="font-semibold underline">
              Muat ulang halaman
            </a>{" "}
            untuk melihat data terbaru; isian Anda di formulir ini belum tersimpan.
          </p>
        )}
      </Alert>
    </div>
  );
}
