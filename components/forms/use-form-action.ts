"use client";

import { startTransition, useActionState } from "react";
import { useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { z } from "zod";
import { formConstraints } from "@/lib/forms/constraints";
import type { FormActionFn } from "@/lib/forms/action";

/**
 * The client half of lib/forms/action.ts: the server action's reply drives conform's form state,
 * the same zod schema validates in the browser (on submit, then on every input) and gives every control
 * its `required`/`maxLength`/`min`… constraint. Returns conform's form and fields plus the action
 * for `<form action={…}>`. Default values are strings as the inputs show them ("on" for a ticked
 * checkbox, "YYYY-MM-DD" for a date).
 */
export function useFormAction(
  action: FormActionFn,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  schema: z.ZodType<Record<string, any>>,
  options: { id?: string; defaultValue?: Record<string, unknown> } = {},
) {
  const [lastResult, formAction, pending] = useActionState(action, undefined);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const [form, fields] = useForm<Record<string, any>>({
    id: options.id,
    lastResult,
    defaultValue: options.defaultValue,
    constraint: formConstraints(schema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    // React 19 resets a <form action> after every submission, which would wipe what the user typed
    // when the server refuses it. Calling the action from onSubmit keeps the values (conform shows
    // the reply); without JavaScript the form still posts to the same action.
    onSubmit(event, { formData }) {
      event.preventDefault();
      startTransition(() => formAction(formData));
    },
  });
  return { form, fields, formAction, pending, lastResult };
}
