import "server-only";
import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { z } from "zod";
import { can, type Action } from "@/lib/auth/policy";
import { requireUser, type CurrentUser } from "@/lib/auth/session";
import { isDomainError } from "@/lib/errors";

/*
 * THE way to write a form's server action (house-style.md): authenticate → parse with zod
 * (conform's parseWithZod, the same schema the browser validates with) → call the domain service
 * with the actor and the clock → a typed reply → revalidate/redirect.
 *
 *   export const createOpdAction = formAction({
 *     schema: opdSchema,
 *     permission: "opd.manage",
 *     run: ({ actor, data, now }) => createOpd({ actor, now, input: data }),
 *     onSuccess: () => { revalidatePath("/admin/opd"); redirect("/admin/opd?tersimpan=1"); },
 *   });
 *
 * Record ids and optimistic-lock versions travel in hidden fields of the schema, never in
 * `.bind()` arguments, so every action has one shape: (previous reply, FormData).
 * A DomainError becomes the reply: its message as the form error, its `fieldErrors` (keyed by the
 * form's field names) beside the fields, all at once. Any other error propagates to error.tsx.
 */

/**
 * conform's submission result, plus `stale` when the record changed under the user and `data` a
 * form that stays on its page may need (e.g. the partner just created).
 */
export type FormReply = SubmissionResult<string[]> & { stale?: boolean; data?: Record<string, unknown> };

export type FormActionFn = (previous: FormReply | undefined, formData: FormData) => Promise<FormReply>;

export const FORBIDDEN_FORM_MESSAGE = "Anda tidak berwenang melakukan tindakan ini.";

type AnySchema = z.ZodType<Record<string, unknown>>;

export type FormActionSpec<S extends AnySchema, R> = {
  schema: S;
  /** A coarse gate checked before anything else; the service still authorizes the record. */
  permission?: Action;
  run: (ctx: { actor: CurrentUser; data: z.output<S>; now: Date }) => Promise<R>;
  /** After success: revalidatePath() and redirect() (which throws). Without a redirect the form resets. */
  onSuccess?: (result: R, data: z.output<S>) => void | Promise<void>;
  /** Without a redirect: what the browser gets back besides the reset (FormReply.data). */
  replyData?: (result: R, data: z.output<S>) => Record<string, unknown>;
  /** Fields never echoed back to the browser (passwords). */
  hideFields?: string[];
  /** Who may call it; default requireUser() (anonymous → the sign-in page). */
  authenticate?: () => Promise<CurrentUser>;
};

function toFieldErrors(errors: Record<string, string | readonly string[]> | undefined): Record<string, string[]> | undefined {
  if (!errors) return undefined;
  return Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, typeof v === "string" ? [v] : [...v]]));
}

export function formAction<S extends AnySchema, R>(spec: FormActionSpec<S, R>): FormActionFn {
  const hideFields = spec.hideFields;
  return async (_previous, formData) => {
    const actor = await (spec.authenticate ?? requireUser)();
    const submission = parseWithZod(formData, { schema: spec.schema });
    if (spec.permission && !can(actor, spec.permission)) {
      return submission.reply({ formErrors: [FORBIDDEN_FORM_MESSAGE], hideFields });
    }
    if (submission.status !== "success") return submission.reply({ hideFields });
    let result: R;
    try {
      result = await spec.run({ actor, data: submission.value, now: new Date() });
    } catch (error) {
      if (!isDomainError(error)) throw error;
      // A validation error's message repeats its first field error: the fields say it all.
      const formErrors = error.code === "VALIDATION" && error.fieldErrors ? [] : [error.message];
      const reply = submission.reply({ formErrors, fieldErrors: toFieldErrors(error.fieldErrors), hideFields });
      return error.code === "STALE" ? { ...reply, stale: true } : reply;
    }
    await spec.onSuccess?.(result, submission.value);
    const reply: FormReply = submission.reply({ resetForm: true });
    return spec.replyData ? { ...reply, data: spec.replyData(result, submission.value) } : reply;
  };
}
