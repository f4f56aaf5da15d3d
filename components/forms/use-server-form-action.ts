"use client";

import { startTransition, useActionState } from "react";
import { useForm } from "@conform-to/react";
import type { Constraint } from "@/lib/forms/constraints";
import type { FormActionFn } from "@/lib/forms/action";

/**
 * useFormAction (./use-form-action.ts) without zod in the browser, for a page that must stay light:
 * the sign-in page, the first page every user loads (zod and its JSON Schema export are ~40 kB gzip
 * of JavaScript). The same zod schema still decides: the server action parses with it and replies
 * with every field error at once (conform's submission.reply), and the page passes its HTML
 * constraints computed on the server (`formConstraints(schema)` from lib/forms/constraints.ts). The
 * only difference for the user: an error shows after the round trip instead of before it.
 */
export function useServerFormAction(
  action: FormActionFn,
  options: { id?: string; constraint: Record<string, Constraint>; defaultValue?: Record<string, unknown> },
) {
  const [lastResult, formAction, pending] = useActionState(action, undefined);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const [form, fields] = useForm<Record<string, any>>({
    id: options.id,
    lastResult,
    defaultValue: options.defaultValue,
    constraint: options.constraint,
    // Both on submit: with no onValidate, conform would revalidate by posting a "validate" intent to
    // the server action on every keystroke after a refusal (a sign-in round trip per key, racing
    // the real submission).
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    // No onValidate: the submission goes to the server action, which validates. Called from
    // onSubmit for the same reason as in useFormAction (React 19 would reset the form).
    onSubmit(event, { formData }) {
      event.preventDefault();
      startTransition(() => formAction(formData));
    },
  });
  return { form, fields, formAction, pending, lastResult };
}
