import "server-only";
import { parseWithZod } from "@conform-to/zod/v4";
import type { z } from "zod";
import { requireAccount, type SessionInfo } from "@/lib/auth/session";
import { isDomainError } from "@/lib/errors";
import type { FormReply } from "@/lib/forms/action";
import { requestClient, type RequestClient } from "./context";

/*
 * lib/forms/action.ts's shape for the account pages: (previous reply, FormData) → reply, parsed
 * with conform + zod, DomainErrors mapped onto fields. Differences: the actor is the session
 * (requireAccount — also a user who still must change their password or enrol a second factor:
 * these pages are where they do it), the request's client is passed for the re-authentication
 * throttle, and a result may travel back in the reply (recovery codes, shown once).
 */
export type AccountReply<T = undefined> = FormReply & { result?: T };

type AnySchema = z.ZodType<Record<string, unknown>>;

export function accountAction<S extends AnySchema, T>(spec: {
  schema: S;
  hideFields?: string[];
  run: (ctx: { session: SessionInfo; data: z.output<S>; request: RequestClient; now: Date }) => Promise<T>;
  /** After success: revalidatePath()/redirect(). Without a redirect the reply carries `result`. */
  onSuccess?: (result: T) => void | Promise<void>;
}): (previous: AccountReply<T> | undefined, formData: FormData) => Promise<AccountReply<T>> {
  return async (_previous, formData) => {
    const session = await requireAccount();
    const submission = parseWithZod(formData, { schema: spec.schema });
    if (submission.status !== "success") return submission.reply({ hideFields: spec.hideFields });
    let result: T;
    try {
      result = await spec.run({ session, data: submission.value, request: await requestClient(), now: new Date() });
    } catch (error) {
      if (!isDomainError(error)) throw error;
      const fieldErrors = error.fieldErrors
        ? Object.fromEntries(Object.entries(error.fieldErrors).map(([k, v]) => [k, [v]]))
        : undefined;
      const formErrors = error.code === "VALIDATION" && error.fieldErrors ? [] : [error.message];
      return submission.reply({ formErrors, fieldErrors, hideFields: spec.hideFields });
    }
    await spec.onSuccess?.(result);
    return { ...submission.reply({ resetForm: true }), result };
  };
}
